/// The loop of one reader thread: it owns one query-only connection and runs each read in its own
/// read transaction, so the caller sees one consistent snapshot and never waits for the writer (WAL).
struct ReaderWorker {
    let connection: Connection
    let queue: BlockingQueue<any PoolJob>
    let statistics: PoolStatistics

    func run() {
        while true {
            let batch = queue.popBatch(limit: 1)
            if batch.isEmpty { break }
            for job in batch {
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
        connection.close()
    }
}
