import IncidentDomain
import IncidentStore
import Logging
import SQLiteCore
import Synchronization

/// Logs the store's write availability once per change of cause (`disk full`, `database is read-only`,
/// `database is locked`, back to available), however many requests and background passes it refuses in
/// between: the pool reports every change of SQLite result code, several of which share a cause. One per
/// database for the life of the process: `klaxon serve` hands the same one to each try of `buildApplication`.
public final class StorageAvailabilityLog: Sendable {
    private let logger: Logger
    /// The cause logged last; nil while writes go through.
    private let lastReason = Mutex<String?>(nil)

    public init(logger: Logger) {
        self.logger = logger
    }

    /// Forgets the cause logged last, so the next refusal is logged even when its cause is the same: for a new
    /// store on the database, after the one that failed was closed.
    public func forget() {
        lastReason.withLock { $0 = nil }
    }

    func note(_ availability: WriteAvailability) {
        let reason: String?
        switch availability {
        case .available: reason = nil
        case .unavailable(let error): reason = StorageUnavailable(error)?.reason ?? error.message
        }
        let changed = lastReason.withLock { last -> Bool in
            defer { last = reason }
            return last != reason
        }
        guard changed else { return }
        switch availability {
        case .available:
            logger.notice("storage available again: writes go through")
        case .unavailable(let error):
            logger.warning(
                "storage unavailable: writes are refused until this clears",
                metadata: ["reason": "\(reason ?? "")", "error": "\(error)"])
        }
    }
}
