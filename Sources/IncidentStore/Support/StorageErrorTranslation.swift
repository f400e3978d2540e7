import IncidentDomain
import SQLiteCore

/// Turns what SQLiteCore throws into what the repository protocols promise: conditions of the environment
/// (full disk, read-only file, a lock held by another process, I/O errors, damage, a closed store) become
/// `StorageUnavailable`, which the API answers with 503; domain errors and anything else pass unchanged.
/// Nothing is logged here: the API logs once, where it answers.
enum StorageErrorTranslation {
    static func translate(_ error: any Error) -> any Error {
        switch error {
        case let sqlite as SQLiteError:
            if let reason = reason(for: sqlite) { return StorageUnavailable(reason: reason) }
            return sqlite
        case SQLiteUsageError.closed:
            return StorageUnavailable(reason: "the store is closed")
        case let blocked as MigrationsBlocked:
            let cause = (translate(blocked.cause) as? StorageUnavailable)?.reason ?? String(describing: blocked.cause)
            guard let pending = blocked.pending else {
                return StorageUnavailable(reason: "cannot read the database: \(cause)")
            }
            return StorageUnavailable(reason: "\(pending.count) pending migration(s) cannot be applied: \(cause)")
        default:
            return error
        }
    }

    /// The short cause of an environmental SQLite error, or nil for errors that are not.
    static func reason(for error: SQLiteError) -> String? {
        if error.isFull { return "disk full" }
        if error.isReadOnly { return "database is read-only" }
        if error.isBusy { return "database is locked" }
        if error.isCorrupt { return "database file is damaged" }
        if error.isIOError { return "I/O error" }
        if error.isCannotOpen { return "cannot open the database file" }
        return nil
    }
}

extension StorageUnavailable {
    /// The storage condition behind an environmental SQLite error (`disk full`, `database is read-only`, ...),
    /// or nil for an error that is not one, for logs that follow ``WriteAvailability``.
    public init?(_ error: SQLiteError) {
        guard let reason = StorageErrorTranslation.reason(for: error) else { return nil }
        self.init(reason: reason)
    }
}
