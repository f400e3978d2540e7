import HTTPCore
import Synchronization

/// Collects access-log entries from the loop threads.
final class EntryCollector: Sendable {
    private let entries = Mutex<[AccessLogEntry]>([])

    func add(_ entry: AccessLogEntry) {
        entries.withLock { $0.append(entry) }
    }

    var all: [AccessLogEntry] { entries.withLock { $0 } }
}
