import IncidentDomain
import IncidentStore

/// Remembers recently seen tokens by secret hash for a moment, so a burst of API calls costs one database
/// lookup, not one each. Only known, active tokens are kept; a revocation through this process clears the
/// cache at once, one through another process (`klaxon token revoke`) takes effect within `timeToLive`.
///
/// A lookup that read the token before a revocation committed must not put it back afterwards: callers take a
/// ticket before they read and hand it to ``remember(_:forHash:ticket:)``, which stores nothing when the
/// cache was cleared in between.
final class TokenCache: Sendable {
    typealias Ticket = ShortLivedCache<[UInt8], APIToken>.Ticket

    private let cache: ShortLivedCache<[UInt8], APIToken>

    /// `timeToLive` is short: it bounds how long a token revoked by another process keeps working.
    init(timeToLive: Duration = .seconds(2), capacity: Int = 4096) {
        cache = ShortLivedCache(timeToLive: timeToLive, capacity: capacity)
    }

    func token(forHash hash: [UInt8]) -> APIToken? {
        cache.value(for: hash)
    }

    /// Taken before reading a token from the store, for ``remember(_:forHash:ticket:)``.
    func ticket() -> Ticket {
        cache.ticket()
    }

    /// Keeps `token` for the time to live, unless the cache was cleared since `ticket` was taken: then the token
    /// was read before a revocation may have committed, and is answered this once but not kept.
    func remember(_ token: APIToken, forHash hash: [UInt8], ticket: Ticket) {
        cache.remember(token, for: hash, ticket: ticket)
    }

    /// Forgets everything, e.g. after a revocation, and refuses tokens read before it.
    func removeAll() {
        cache.removeAll()
    }
}
