import IncidentDomain
import Synchronization

/// Remembers recently seen tokens by secret hash for a moment, so a burst of API calls costs one database
/// lookup, not one each. Only known, active tokens are kept; a revocation through this process clears the
/// cache at once, one through another process (`klaxon token revoke`) takes effect within `timeToLive`.
///
/// A lookup that read the token before a revocation committed must not put it back afterwards: callers take a
/// ``Ticket`` before they read and hand it to ``remember(_:forHash:ticket:)``, which stores nothing when the
/// cache was cleared in between.
final class TokenCache: Sendable {
    struct Entry {
        let token: APIToken
        let expires: ContinuousClock.Instant
    }

    /// How many times the cache was cleared when a lookup started.
    struct Ticket: Sendable, Equatable {
        fileprivate let clearings: UInt64
    }

    private struct State {
        var entries: [[UInt8]: Entry] = [:]
        var clearings: UInt64 = 0
    }

    /// Short: it bounds how long a token revoked by another process keeps working.
    let timeToLive: Duration
    /// Bounds memory when many distinct tokens are used; the cache is simply emptied when full.
    let capacity: Int
    private let state = Mutex(State())

    init(timeToLive: Duration = .seconds(2), capacity: Int = 4096) {
        self.timeToLive = timeToLive
        self.capacity = capacity
    }

    func token(forHash hash: [UInt8]) -> APIToken? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.entries[hash] else { return nil }
            guard entry.expires > now else {
                state.entries[hash] = nil
                return nil
            }
            return entry.token
        }
    }

    /// Taken before reading a token from the store, for ``remember(_:forHash:ticket:)``.
    func ticket() -> Ticket {
        state.withLock { Ticket(clearings: $0.clearings) }
    }

    /// Keeps `token` for `timeToLive`, unless the cache was cleared since `ticket` was taken: then the token was
    /// read before a revocation may have committed, and is answered this once but not kept.
    func remember(_ token: APIToken, forHash hash: [UInt8], ticket: Ticket) {
        let expires = ContinuousClock.now + timeToLive
        state.withLock { state in
            guard state.clearings == ticket.clearings else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[hash] = Entry(token: token, expires: expires)
        }
    }

    /// Forgets everything, e.g. after a revocation, and refuses tokens read before it.
    func removeAll() {
        state.withLock { state in
            state.entries.removeAll()
            state.clearings &+= 1
        }
    }
}
