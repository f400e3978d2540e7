import IncidentDomain
import Synchronization

/// Remembers recently seen tokens by secret hash for a moment, so a burst of API calls costs one database
/// lookup, not one each. Only known, active tokens are kept; a revocation through this process clears the
/// cache at once, one through another process (`klaxon token revoke`) takes effect within `timeToLive`.
final class TokenCache: Sendable {
    struct Entry {
        let token: APIToken
        let expires: ContinuousClock.Instant
    }

    /// Short: it bounds how long a token revoked by another process keeps working.
    let timeToLive: Duration
    /// Bounds memory when many distinct tokens are used; the cache is simply emptied when full.
    let capacity: Int
    private let entries = Mutex<[[UInt8]: Entry]>([:])

    init(timeToLive: Duration = .seconds(2), capacity: Int = 4096) {
        self.timeToLive = timeToLive
        self.capacity = capacity
    }

    func token(forHash hash: [UInt8]) -> APIToken? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[hash] else { return nil }
            guard entry.expires > now else {
                entries[hash] = nil
                return nil
            }
            return entry.token
        }
    }

    func remember(_ token: APIToken, forHash hash: [UInt8]) {
        let expires = ContinuousClock.now + timeToLive
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[hash] = Entry(token: token, expires: expires)
        }
    }

    /// Forgets everything, e.g. after a revocation.
    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
