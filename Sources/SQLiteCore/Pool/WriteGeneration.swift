import Synchronization

/// A counter the writer thread bumps after every unit of write work has finished (committed or not) and
/// before any of its callers is resumed. A reader that loads the value before it starts its read transaction
/// and finds it unchanged later knows that no write acknowledged in between can be missing from what it
/// read: the basis of caches of query results (see ``DatabasePool/writeGeneration``).
final class WriteGeneration: Sendable {
    private let value = Atomic<UInt64>(0)

    var current: UInt64 { value.load(ordering: .acquiring) }

    func bump() {
        value.add(1, ordering: .acquiringAndReleasing)
    }
}
