/// The loop of one reader thread: it owns one query-only connection and runs each read in its own
/// read transaction, so the caller sees one consistent snapshot and never waits for the writer (WAL).
///
/// A connection opened while the file system refused writes (as immutable, or read-only; see
/// ``DatabasePool``) is replaced by an ordinary one before the first read after the writer could open the
/// file: from then on the file changes, which such a connection may not see.
struct ReaderWorker {
    let slot: ConnectionSlot
    let queue: BlockingQueue<any PoolJob>
    let statistics: PoolStatistics
    let writerOpened: PoolSignal

    /// Whether `connection` may miss later writes or files: opened as immutable, or opened read-only by SQLite
    /// because the file system refused writing then (its `-shm` is then a private copy).
    static func readsAsOfOpening(_ connection: Connection) -> Bool {
        let mode = connection.configuration.accessMode
        return mode == .immutable || (mode != .readOnly && connection.isReadOnly)
    }

    func run() {
        while true {
            let batch = queue.popBatch(limit: 1)
            if batch.isEmpty { break }
            for job in batch {
                if writerOpened.isRaised, let open = slot.connection, Self.readsAsOfOpening(open) {
                    slot.close()
                }
                let connection: Connection
                do {
                    connection = try slot.current()
                } catch {
                    job.fail(error)
                    continue
                }
                let outcome = Result { try connection.read { try job.perform(on: $0) } }
                // Counted before the caller resumes, so the caller can observe it.
                let reset = connection.resetBusyStatements()
                if reset > 0 { statistics.record { $0.busyStatementsReset += reset } }
                switch outcome {
                case .success: job.complete()
                case .failure(let error): job.fail(error)
                }
            }
        }
        slot.close()
    }
}
