/// The loop of one reader thread: it owns one query-only connection and runs each read inside a read
/// transaction, so the caller sees one consistent snapshot and never waits for the writer (WAL).
///
/// Reads that queued up while the reader was busy run together inside one read transaction: each was queued
/// before that transaction began, so each still sees every write acknowledged before it was asked for, and
/// they share the system calls that taking and releasing the write-ahead log's read lock costs. A reader
/// takes at most `maximumBatchSize` reads, and at most its share of the queue among itself and the readers
/// idle at that moment (see ``BlockingQueue/popBatch(limit:)``): batches form only while the others are busy.
///
/// A connection opened while the file system refused writes (as immutable, or read-only; see
/// ``DatabasePool``) is replaced by an ordinary one before the first read after the writer could open the
/// file: from then on the file changes, which such a connection may not see.
struct ReaderWorker {
    let slot: ConnectionSlot
    let queue: BlockingQueue<any PoolJob>
    let statistics: PoolStatistics
    let writerOpened: PoolSignal
    let maximumBatchSize: Int

    /// Whether `connection` may miss later writes or files: opened as immutable, or opened read-only by SQLite
    /// because the file system refused writing then (its `-shm` is then a private copy).
    static func readsAsOfOpening(_ connection: Connection) -> Bool {
        let mode = connection.configuration.accessMode
        return mode == .immutable || (mode != .readOnly && connection.isReadOnly)
    }

    func run() {
        while true {
            let batch = queue.popBatch(limit: maximumBatchSize)
            if batch.isEmpty { break }
            if writerOpened.isRaised, let open = slot.connection, Self.readsAsOfOpening(open) {
                slot.close()
            }
            let connection: Connection
            do {
                connection = try slot.current()
            } catch {
                for job in batch { job.fail(error) }
                continue
            }
            runInOneTransaction(batch, on: connection)
            if connection.isInTransaction {
                // Neither COMMIT nor ROLLBACK ended it: a fresh connection rather than a stale snapshot.
                slot.close()
            }
        }
        slot.close()
    }

    /// Each job is answered as soon as it ran: a read has nothing to wait for. A job whose failure ended the
    /// transaction (SQLite rolls back on some I/O errors) leaves the next job to begin a fresh one.
    private func runInOneTransaction(_ batch: [any PoolJob], on connection: Connection) {
        var began = false
        for job in batch {
            let outcome = Result {
                // The first job always begins one: it fails rather than read inside a transaction left open.
                if !began || !connection.isInTransaction {
                    began = true
                    statistics.countReadTransaction()
                    try connection.execute("BEGIN DEFERRED")
                }
                try job.perform(on: connection)
            }
            finish(job, outcome, on: connection)
        }
        if connection.isInTransaction {
            do {
                try connection.execute("COMMIT")
            } catch {
                connection.rollbackQuietly()
            }
        }
    }

    private func finish(_ job: any PoolJob, _ outcome: Result<Void, any Error>, on connection: Connection) {
        // Counted before the caller resumes, so the caller can observe it.
        let reset = connection.resetBusyStatements()
        if reset > 0 { statistics.record { $0.busyStatementsReset += reset } }
        statistics.countRead()
        switch outcome {
        case .success: job.complete()
        case .failure(let error): job.fail(error)
        }
    }
}
