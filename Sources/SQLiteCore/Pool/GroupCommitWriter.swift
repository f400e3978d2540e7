/// The loop of a pool's writer thread: it owns the one writer connection and commits waiting callers
/// together, each inside its own savepoint, answering each only after the `COMMIT` returned.
///
/// Lives on the writer thread only (it holds a ``Connection``), so it is not `Sendable`.
struct GroupCommitWriter {
    let connection: Connection
    let queue: BlockingQueue<any PoolJob>
    let statistics: PoolStatistics
    let generation: WriteGeneration
    let maximumBatchSize: Int

    /// Takes whatever has queued up while the previous commit was in flight, commits it, and repeats
    /// until the queue is closed and drained; then closes the connection.
    func run() {
        while true {
            let batch = queue.popBatch(limit: maximumBatchSize)
            if batch.isEmpty { break }
            process(batch)
        }
        connection.close()
    }

    /// Commits runs of transactional jobs together, and runs any job that manages its own transactions
    /// (migrations) alone, in queue order.
    private func process(_ batch: [any PoolJob]) {
        var group: [any PoolJob] = []
        for job in batch {
            if job.isTransactional {
                group.append(job)
            } else {
                commitAll(group)
                group.removeAll()
                runAlone(job)
            }
        }
        commitAll(group)
    }

    private func runAlone(_ job: any PoolJob) {
        do {
            try job.perform(on: connection)
            // A job that manages its own transactions must not leave one open for the next caller.
            connection.rollbackQuietly()
            finish(succeeded: [job], failed: [], committed: false)
        } catch {
            connection.rollbackQuietly()
            finish(succeeded: [], failed: [(job, error)], committed: false)
        }
    }

    private func commitAll(_ jobs: [any PoolJob]) {
        var pending = jobs
        while !pending.isEmpty {
            pending = commitOnce(pending)
        }
    }

    /// Runs `jobs` in one transaction and resumes them. Returns the jobs to run again in a fresh transaction:
    /// those whose work was lost when another job's failure made SQLite abandon the whole transaction.
    private func commitOnce(_ jobs: [any PoolJob]) -> [any PoolJob] {
        let started = ContinuousClock.now
        do {
            try connection.execute("BEGIN IMMEDIATE")
        } catch {
            finish(succeeded: [], failed: jobs.map { ($0, error) })
            return []
        }
        // A lone caller needs no savepoint: its failure rolls back the whole transaction, which is only its own.
        let isolated = jobs.count > 1
        var succeeded: [any PoolJob] = []
        var failed: [(any PoolJob, any Error)] = []
        for (index, job) in jobs.enumerated() {
            do {
                if isolated { try connection.execute("SAVEPOINT klaxon_caller") }
                try job.perform(on: connection)
                if isolated { try connection.execute("RELEASE klaxon_caller") }
                succeeded.append(job)
            } catch {
                failed.append((job, error))
                if isolated && connection.isInTransaction && rollBackToSavepoint() {
                    continue
                }
                // The transaction is gone or unusable (SQLite rolls back on some errors, such as a full disk):
                // this caller fails, the others already run here go again in a new transaction.
                connection.rollbackQuietly()
                finish(succeeded: [], failed: failed)
                return succeeded + jobs[(index + 1)...]
            }
        }
        do {
            try connection.execute("COMMIT")
        } catch {
            connection.rollbackQuietly()
            finish(succeeded: [], failed: succeeded.map { ($0, error) } + failed)
            return []
        }
        finish(succeeded: succeeded, failed: failed, commitDuration: ContinuousClock.now - started)
        return []
    }

    private func rollBackToSavepoint() -> Bool {
        do {
            try connection.execute("ROLLBACK TO klaxon_caller")
            try connection.execute("RELEASE klaxon_caller")
            return true
        } catch {
            return false
        }
    }

    /// Records the outcome and resumes every caller; with `committed`, `succeeded` is non-empty only after
    /// a durable COMMIT. Statements a caller left busy are reset and counted first, so the callers see the count.
    private func finish(
        succeeded: [any PoolJob], failed: [(any PoolJob, any Error)], committed: Bool = true,
        commitDuration: Duration? = nil
    ) {
        let reset = connection.resetBusyStatements()
        statistics.record { counters in
            counters.busyStatementsReset += reset
            if committed && !succeeded.isEmpty {
                counters.transactionsCommitted += 1
                counters.callersCommitted += succeeded.count
                counters.largestBatch = max(counters.largestBatch, succeeded.count)
                counters.commitBatchSizes.record(Double(succeeded.count))
                if let commitDuration {
                    let parts = commitDuration.components
                    counters.commitSeconds.record(Double(parts.seconds) + Double(parts.attoseconds) * 1e-18)
                }
            }
            counters.callersFailed += failed.count
        }
        // After the COMMIT (or rollback) and before anyone resumes: caches keyed by the generation then never
        // serve a result older than a write whose caller has been answered.
        generation.bump()
        for job in succeeded { job.complete() }
        for (job, error) in failed { job.fail(error) }
    }
}
