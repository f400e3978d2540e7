import Synchronization

/// The counters shared between a pool and its threads: the writer's behind a mutex, the readers' (touched
/// on every read, by several threads) as atomics.
final class PoolStatistics: Sendable {
    private let counters = Mutex(WriteStatistics())
    private let readsRun = Atomic<Int>(0)
    private let readTransactions = Atomic<Int>(0)

    var snapshot: WriteStatistics {
        var snapshot = counters.withLock { $0 }
        snapshot.readsRun = readsRun.load(ordering: .relaxed)
        snapshot.readTransactions = readTransactions.load(ordering: .relaxed)
        return snapshot
    }

    func record(_ change: (inout WriteStatistics) -> Void) {
        counters.withLock { change(&$0) }
    }

    func countRead() { readsRun.add(1, ordering: .relaxed) }

    func countReadTransaction() { readTransactions.add(1, ordering: .relaxed) }
}
