import Synchronization

/// The counters shared between a pool and its threads, behind a mutex.
final class PoolStatistics: Sendable {
    private let counters = Mutex(WriteStatistics())

    var snapshot: WriteStatistics { counters.withLock { $0 } }

    func record(_ change: (inout WriteStatistics) -> Void) {
        counters.withLock { change(&$0) }
    }
}
