import CSQLite
import Foundation

/// Copies a live database file with SQLite's online backup API (`sqlite3_backup_*`).
///
/// The source is read inside one read transaction, so under WAL the copy is one consistent snapshot and
/// writers, in this process or another, keep committing while it is taken; the steps never restart.
/// The copy is written to a temporary file beside the destination, checked with `PRAGMA integrity_check`,
/// and only then renamed over the destination, so a failed backup never replaces a good one. The destination
/// is checked first (see ``BackupDestinationError``): a directory, a device, the database itself or a file
/// that is not an older backup is refused before anything is written.
public enum OnlineBackup {
    /// Copies `sourcePath` to `destinationPath`, `pagesPerStep` pages at a time, sleeping
    /// `pauseBetweenSteps` between steps (to leave the disk to a busy server), and checks the copy. With
    /// `isOlderCopy` (given the source and the existing destination, read-only), an existing destination is
    /// replaced only when it says yes: SQLite cannot tell one application's database from another's.
    /// Throws when the copy cannot be made; returns a result whose ``BackupResult/isIntact`` is `false`
    /// when it was made but failed the integrity check (it then stays at ``BackupResult/path``).
    public static func copy(
        from sourcePath: String,
        to destinationPath: String,
        pagesPerStep: Int = 256,
        pauseBetweenSteps: Duration = .zero,
        busyTimeout: Duration = .seconds(5),
        isOlderCopy: (@Sendable (_ source: Connection, _ existing: Connection) throws -> Bool)? = nil
    ) throws -> BackupResult {
        let destinationPath = try BackupDestination.checked(destinationPath, source: sourcePath)
        var sourceConfiguration = Connection.Configuration(accessMode: .readWrite, busyTimeout: busyTimeout)
        sourceConfiguration.usesWriteAheadLog = false
        let source = try Connection(path: sourcePath, configuration: sourceConfiguration)
        defer { source.close() }

        if let isOlderCopy, FileManager.default.fileExists(atPath: destinationPath) {
            try refuseAnotherDatabase(
                at: destinationPath, source: source, sourcePath: sourcePath, isOlderCopy: isOlderCopy)
        }

        let temporaryPath = destinationPath + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        BackupDestination.removePartial(temporaryPath)
        var destinationConfiguration = Connection.Configuration(accessMode: .readWriteCreate, busyTimeout: busyTimeout)
        destinationConfiguration.usesWriteAheadLog = false
        let destination: Connection
        do {
            destination = try Connection(path: temporaryPath, configuration: destinationConfiguration)
        } catch let error as SQLiteError {
            let reason = error.systemErrno != 0 ? BackupDestination.systemReason(error.systemErrno) : error.message
            throw BackupDestinationError.cannotWrite(destinationPath, reason: reason)
        }
        var keepTemporary = false
        defer {
            destination.close()
            if !keepTemporary { BackupDestination.removePartial(temporaryPath) }
        }

        // One read transaction on the source for the whole copy: a fixed snapshot, so other connections'
        // commits neither restart the backup nor mix into it.
        try source.execute("BEGIN DEFERRED")
        defer { source.rollbackQuietly() }
        _ = try source.queryValue("SELECT count(*) FROM sqlite_schema", as: Int64.self)

        let pageCount = try copyPages(
            from: source, to: destination, pagesPerStep: pagesPerStep, pause: pauseBetweenSteps)
        source.rollbackQuietly()

        let integrity = try destination.query("PRAGMA integrity_check") { try $0.column(0, as: String.self) }
        destination.close()
        guard integrity == ["ok"] else {
            keepTemporary = true
            return BackupResult(path: temporaryPath, pageCount: pageCount, integrityCheck: integrity)
        }
        try BackupDestination.replace(destinationPath, with: temporaryPath, permissionsOf: sourcePath)
        keepTemporary = true  // renamed: nothing left to remove
        return BackupResult(path: destinationPath, pageCount: pageCount, integrityCheck: integrity)
    }

    /// Refuses to replace a database `isOlderCopy` does not take for an older copy of the source.
    private static func refuseAnotherDatabase(
        at destinationPath: String, source: Connection, sourcePath: String,
        isOlderCopy: (Connection, Connection) throws -> Bool
    ) throws {
        // Immutable: read the file as it is, without taking locks or creating a -wal or -shm beside it (a
        // non-empty -wal beside it was refused already).
        guard let existing = try? Connection(path: destinationPath, configuration: .init(accessMode: .immutable))
        else { throw BackupDestinationError.notADatabase(destinationPath) }
        defer { existing.close() }
        guard try isOlderCopy(source, existing) else {
            throw BackupDestinationError.anotherDatabase(destinationPath, database: sourcePath)
        }
    }

    private static func copyPages(
        from source: Connection, to destination: Connection, pagesPerStep: Int, pause: Duration
    ) throws -> Int {
        let sourceHandle = try source.openHandle()
        let destinationHandle = try destination.openHandle()
        guard let backup = sqlite3_backup_init(destinationHandle, "main", sourceHandle, "main") else {
            throw SQLiteError(handle: destinationHandle, code: sqlite3_errcode(destinationHandle), sql: nil)
        }
        var finished = false
        defer { if !finished { sqlite3_backup_finish(backup) } }
        let step = Int32(clamping: max(1, pagesPerStep))
        var busyRetries = 0
        while true {
            let code = sqlite3_backup_step(backup, step)
            if code == SQLITE_DONE { break }
            if code == SQLITE_OK {
                busyRetries = 0
                if pause > .zero {
                    let microseconds =
                        pause.components.seconds * 1_000_000 + pause.components.attoseconds / 1_000_000_000_000
                    usleep(UInt32(clamping: microseconds))
                }
                continue
            }
            if (code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED) && busyRetries < 500 {
                busyRetries += 1
                sqlite3_sleep(10)
                continue
            }
            throw SQLiteError(extendedCode: code, message: "backup step failed")
        }
        let pageCount = Int(sqlite3_backup_pagecount(backup))
        finished = true
        let code = sqlite3_backup_finish(backup)
        guard code == SQLITE_OK else {
            throw SQLiteError(handle: destinationHandle, code: code, sql: nil)
        }
        return pageCount
    }
}
