import IncidentDomain
import Synchronization

/// The services of recently used integration keys, by the key's hash, so that a storm of alerts posted to one
/// key's URL costs no reader round trip per request.
///
/// The service repository that owns the cache empties it after each of its service writes (update, rotation,
/// deletion) and before that write's caller is answered, and a lookup whose read raced with such a write does
/// not store what it read: a rotated or deleted key stops working as soon as the rotation or deletion has been
/// answered. Entries also expire after `timeToLive`, which bounds how long a change by another process on the
/// same file (none of `klaxon`'s subcommands writes services) would go unseen.
final class IntegrationKeyCache: Sendable {
    private struct Entry {
        let service: Service
        let expires: ContinuousClock.Instant
    }

    private struct State {
        /// Grows with every invalidation; a read that started under an older one is not stored.
        var generation: UInt64 = 0
        var entries: [String: Entry] = [:]
    }

    let timeToLive: Duration
    /// Bounds memory when many distinct keys are used; the cache is simply emptied when full.
    let capacity: Int
    private let state = Mutex(State())

    init(timeToLive: Duration = .seconds(2), capacity: Int = 1024) {
        self.timeToLive = timeToLive
        self.capacity = capacity
    }

    /// The cached service of `hash` if any, and the generation to hand to `remember` after reading it.
    func lookup(_ hash: String) -> (service: Service?, generation: UInt64) {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.entries[hash] else { return (nil, state.generation) }
            guard entry.expires > now else {
                state.entries[hash] = nil
                return (nil, state.generation)
            }
            return (entry.service, state.generation)
        }
    }

    /// Stores what a lookup read, unless the cache was invalidated since `generation`.
    func remember(_ service: Service, forHash hash: String, readAt generation: UInt64) {
        let expires = ContinuousClock.now + timeToLive
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[hash] = Entry(service: service, expires: expires)
        }
    }

    /// Forgets every entry and refuses what lookups in flight read.
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll()
        }
    }
}
