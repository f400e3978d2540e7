import Synchronization

/// A flag one pool thread raises and the others read without a lock.
final class PoolSignal: Sendable {
    private let raised = Atomic(false)

    var isRaised: Bool { raised.load(ordering: .acquiring) }

    func raise() {
        if !raised.load(ordering: .relaxed) {
            raised.store(true, ordering: .releasing)
        }
    }
}
