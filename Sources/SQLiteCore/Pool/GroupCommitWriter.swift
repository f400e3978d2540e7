#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The loop of a pool's writer thread: it owns the one writer connection and commits waiting callers
/// together (one caller's failure undoes only its own work), answering each only after the `COMMIT` returned.
///
/// When the connection cannot be opened (the file system refuses writes), every caller of a batch fails
/// with the reason, and a later batch tries again (see ``ConnectionSlot``). Lives on the writer thread only
/// (it holds a ``Connection``), so it is not `Sendable`.
struct GroupCommitWriter {
    /// The database file.
    let path: String
    let slot: ConnectionSlot
    let queue: BlockingQueue<any PoolJob>
    let statistics: PoolStatistics
    let generation: WriteGeneration
    let maximumBatchSize: Int
    let availability: WriteAvailabilityTracker
    /// Set once the writer connection is open, so readers that had to read the file as immutable reopen.
    let writerOpened: PoolSignal

    /// Takes whatever has queued up while the previous commit was in flight, commits it, and repeats
    /// until the queue is closed and drained; then closes the connection.
    func run() {
        while true {
            let batch = queue.popBatch(limit: maximumBatchSize)
            if batch.isEmpty { break }
            let connection: Connection
            do {
                connection = try slot.current()
            } catch {
                GroupCommitBatch(
                    connection: nil, path: path, statistics: statistics, generation: generation,
                    availability: availability
                ).finish(succeeded: [], failed: batch.map { ($0, error) })
                continue
            }
            writerOpened.raise()
            GroupCommitBatch(
                connection: connection, path: path, statistics: statistics, generation: generation,
                availability: availability
            ).process(batch)
        }
        // A last checkpoint into the database file. SQLite's own, when the last connection closes, does not run
        // while another process has the file open (a `klaxon token` command, a sqlite3 shell): the session stayed
        // in the `-wal` only, and a copy of the database file alone missed it. Best effort: a read still holding
        // an old snapshot (a reader draining its queue) makes it partial, and a read-only file refuses it.
        try? slot.connection?.executeScript("PRAGMA wal_checkpoint(TRUNCATE);")
        slot.close()
    }
}

/// One batch of the writer's queue on its open connection.
private struct GroupCommitBatch {
    /// Nil when the writer connection could not be opened: the batch then only fails.
    let connection: Connection?
    /// The database file.
    let path: String
    let statistics: PoolStatistics
    let generation: WriteGeneration
    let availability: WriteAvailabilityTracker

    /// Commits runs of transactional jobs together, and runs any job that manages its own transactions
    /// (migrations) alone, in queue order.
    func process(_ batch: [any PoolJob]) {
        guard let connection else { return }
        var group: [any PoolJob] = []
        for job in batch {
            if job.isTransactional {
                group.append(job)
            } else {
                commitAll(group, on: connection)
                group.removeAll()
                runAlone(job, on: connection)
            }
        }
        commitAll(group, on: connection)
    }

    private func runAlone(_ job: any PoolJob, on connection: Connection) {
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

    /// Callers first run one after another without savepoints: a savepoint per caller makes SQLite copy every
    /// page the caller touches into its statement journal, about a tenth of a batch's cost. That is safe while
    /// a failing caller changed no row (its failure leaves the transaction as the others made it). A caller
    /// that fails after changing rows has its changes rolled back with the whole transaction, and the callers
    /// run before it go again, this time each in its own savepoint, so a second failure costs no third run.
    private func commitAll(_ jobs: [any PoolJob], on connection: Connection) {
        var pending = jobs
        var isolated = false
        while !pending.isEmpty {
            (pending, isolated) = commitOnce(pending, isolated: isolated, on: connection)
        }
    }

    /// Runs `jobs` in one transaction and resumes them, each in its own savepoint when `isolated` (and there is
    /// more than one). Returns the jobs to run again in a fresh transaction, and whether in savepoints: those
    /// whose work was lost when a failure took the whole transaction with it (a caller that failed after
    /// changing rows outside a savepoint, or an error after which SQLite abandons the transaction, such as a
    /// full disk).
    private func commitOnce(
        _ jobs: [any PoolJob], isolated requested: Bool, on connection: Connection
    ) -> (rerun: [any PoolJob], isolated: Bool) {
        let started = ContinuousClock.now
        let changesBefore = connection.totalChangedRowCount
        do {
            try connection.execute("BEGIN IMMEDIATE")
        } catch {
            finish(succeeded: [], failed: jobs.map { ($0, error) })
            return ([], false)
        }
        // A lone caller needs no savepoint: its failure rolls back the whole transaction, which is only its own.
        let isolated = requested && jobs.count > 1
        // Without savepoints, a failing caller's changes are found by the connection's count of changed rows, which
        // schema changes do not move: those are found by the schema's version. (A lone caller's failure rolls back.)
        let shared = !isolated && jobs.count > 1
        let schemaBefore = shared ? schemaVersion(on: connection) : nil
        var succeeded: [any PoolJob] = []
        var failed: [(any PoolJob, any Error)] = []
        for (index, job) in jobs.enumerated() {
            let changesBeforeJob = connection.totalChangedRowCount
            do {
                if isolated { try connection.execute("SAVEPOINT klaxon_caller") }
                try job.perform(on: connection)
                if isolated { try connection.execute("RELEASE klaxon_caller") }
                succeeded.append(job)
            } catch {
                failed.append((job, error))
                // A statement the caller left mid-way may have changed rows it has not counted yet.
                let leftBusy = connection.resetBusyStatements()
                if leftBusy > 0 { statistics.record { $0.busyStatementsReset += leftBusy } }
                // Without a savepoint, a caller that changed nothing left the transaction as the others made it.
                let othersKept: Bool
                if !connection.isInTransaction {
                    othersKept = false
                } else if isolated {
                    othersKept = rollBackToSavepoint(on: connection)
                } else {
                    othersKept =
                        shared && connection.totalChangedRowCount == changesBeforeJob && schemaBefore != nil
                        && schemaVersion(on: connection) == schemaBefore
                }
                if othersKept { continue }
                // The transaction is gone, unusable, or holds this caller's changes: this caller fails, and the
                // others already run here go again in a new transaction.
                connection.rollbackQuietly()
                finish(succeeded: [], failed: failed)
                if !succeeded.isEmpty { statistics.record { $0.callersRerun += succeeded.count } }
                return (succeeded + jobs[(index + 1)...], true)
            }
        }
        do {
            try connection.execute("COMMIT")
        } catch {
            connection.rollbackQuietly()
            finish(succeeded: [], failed: succeeded.map { ($0, error) } + failed)
            return ([], false)
        }
        finish(
            succeeded: succeeded, failed: failed, commitDuration: ContinuousClock.now - started,
            wroteRows: connection.totalChangedRowCount != changesBefore)
        return ([], false)
    }

    /// `PRAGMA schema_version`, which every schema change in the transaction moves; nil when unreadable.
    private func schemaVersion(on connection: Connection) -> Int64? {
        try? connection.queryValue("PRAGMA schema_version", as: Int64.self)
    }

    private func rollBackToSavepoint(on connection: Connection) -> Bool {
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
    func finish(
        succeeded: [any PoolJob], failed: [(any PoolJob, any Error)], committed: Bool = true,
        commitDuration: Duration? = nil, wroteRows: Bool = false
    ) {
        let failed = failed.map { job, error in (job, Self.namingReadOnlyFileSystem(error, path: path)) }
        let reset = connection?.resetBusyStatements() ?? 0
        // Failures first: a batch where one caller's write fit and another's hit a full disk must not say the
        // disk has room again. Only a commit that wrote proves the file takes writes (one that changed nothing
        // touches no file).
        for (_, error) in failed {
            availability.noteFailure(error)
        }
        if committed && !succeeded.isEmpty && wroteRows {
            availability.noteCommitted()
        }
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

    /// An I/O error where the file system refused the write (`EROFS`) is a read-only database, but SQLite reports
    /// the `errno` of the failing call reliably only at open: by the time a failed `COMMIT` returns, other calls
    /// have overwritten it. So an I/O or open error without its cause asks the file system itself.
    static func namingReadOnlyFileSystem(_ error: any Error, path: String) -> any Error {
        guard let error = error as? SQLiteError, error.isIOError || error.isCannotOpen, !error.isReadOnly,
            DatabasePool.fileSystemRefusesWrites(path)
        else { return error }
        return SQLiteError(
            extendedCode: error.extendedCode, message: "\(error.message) (the file system is read-only)",
            sql: error.sql,
            systemErrno: EROFS)
    }
}
