import SQLiteCore

/// What a `PRAGMA wal_checkpoint(TRUNCATE)` did.
public struct WALCheckpointOutcome: Sendable, Equatable {
    /// False when a reader (another process, a backup) still used old frames: nothing was truncated then.
    public let completed: Bool
    /// Frames in the log before the checkpoint, and how many of them were copied into the database file.
    public let logFrames: Int
    public let checkpointedFrames: Int
}

extension KlaxonStore {
    /// Copies the whole write-ahead log into the database file and truncates the log to zero bytes, on the
    /// writer connection between two write transactions.
    ///
    /// The pool's background checkpoints are PASSIVE: they keep the log from growing but never shrink the
    /// file, so after a burst the `-wal` file keeps its peak size. This one shrinks it. It does not wait for
    /// readers (busy timeout 0 while it runs): when one holds old frames it reports `completed: false` and the
    /// next pass tries again, instead of holding every writer for the busy timeout.
    public func truncateWriteAheadLog() async throws -> WALCheckpointOutcome {
        let restoredTimeout = pool.configuration.connection.busyTimeout
        do {
            return try await pool.writeWithoutTransaction { db in
                _ = try db.queryValue("PRAGMA busy_timeout = 0", as: Int64.self)
                defer {
                    let milliseconds =
                        restoredTimeout.components.seconds * 1000
                        + restoredTimeout.components.attoseconds / 1_000_000_000_000_000
                    _ = try? db.queryValue("PRAGMA busy_timeout = \(milliseconds)", as: Int64.self)
                }
                let row = try db.queryFirst("PRAGMA wal_checkpoint(TRUNCATE)") { row in
                    (
                        try row.column(0, as: Int64.self), try row.column(1, as: Int64.self),
                        try row.column(2, as: Int64.self)
                    )
                }
                guard let (busy, log, checkpointed) = row else {
                    return WALCheckpointOutcome(completed: false, logFrames: 0, checkpointedFrames: 0)
                }
                return WALCheckpointOutcome(
                    completed: busy == 0, logFrames: Int(log), checkpointedFrames: Int(checkpointed))
            }
        } catch {
            throw StorageErrorTranslation.translate(error)
        }
    }
}
