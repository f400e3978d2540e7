import Synchronization

/// A small cache of values read from the database, kept for `timeToLive` and emptied by the writes that could
/// change them. A read that started before such an emptying must not put its (possibly stale) value back
/// afterwards: callers take a ``Ticket`` before they read and hand it to ``remember(_:for:ticket:)``, which
/// stores nothing when the cache was emptied in between. Bounded by `capacity`: when full it simply starts over.
///
/// The authentication cache (tokens by secret hash) and the integration-key cache (services by key hash) are
/// both this.
public final class ShortLivedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// How many times the cache was emptied when a read started.
    public struct Ticket: Sendable, Equatable {
        public let emptyings: UInt64
    }

    private struct Entry {
        let value: Value
        let expires: ContinuousClock.Instant
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var emptyings: UInt64 = 0
    }

    /// Short: it bounds how long a change made by another process on the same file goes unseen.
    public let timeToLive: Duration
    public let capacity: Int
    private let state = Mutex(State())

    public init(timeToLive: Duration, capacity: Int) {
        self.timeToLive = timeToLive
        self.capacity = capacity
    }

    /// The value kept for `key`, if it has not expired.
    public func value(for key: Key) -> Value? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            guard entry.expires > now else {
                state.entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    /// Taken before reading a value from the store, for ``remember(_:for:ticket:)``.
    public func ticket() -> Ticket {
        state.withLock { Ticket(emptyings: $0.emptyings) }
    }

    /// Keeps `value` for `timeToLive`, unless the cache was emptied since `ticket` was taken.
    public func remember(_ value: Value, for key: Key, ticket: Ticket) {
        let expires = ContinuousClock.now + timeToLive
        state.withLock { state in
            guard state.emptyings == ticket.emptyings else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = Entry(value: value, expires: expires)
        }
    }

    /// Forgets everything and refuses what reads in flight bring back.
    public func removeAll() {
        state.withLock { state in
            state.entries.removeAll()
            state.emptyings &+= 1
        }
    }
}
