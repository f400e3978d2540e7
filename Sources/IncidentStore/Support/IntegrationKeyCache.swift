import IncidentDomain

/// The services of recently used integration keys, by the key's hash, so that a storm of alerts posted to one
/// key's URL costs no reader round trip per request.
///
/// The service repository that owns the cache empties it after each of its service writes (update, rotation,
/// deletion) and before that write's caller is answered, and a lookup whose read raced with such a write does
/// not store what it read: a rotated or deleted key stops working as soon as the rotation or deletion has been
/// answered. Entries also expire after `timeToLive`, which bounds how long a change by another process on the
/// same file (none of `klaxon`'s subcommands writes services) would go unseen.
final class IntegrationKeyCache: Sendable {
    private let cache: ShortLivedCache<String, Service>

    init(timeToLive: Duration = .seconds(2), capacity: Int = 1024) {
        cache = ShortLivedCache(timeToLive: timeToLive, capacity: capacity)
    }

    /// The cached service of `hash` if any, and the generation to hand to `remember` after reading it.
    func lookup(_ hash: String) -> (service: Service?, generation: UInt64) {
        let generation = cache.ticket()
        return (cache.value(for: hash), generation.emptyings)
    }

    /// Stores what a lookup read, unless the cache was invalidated since `generation`.
    func remember(_ service: Service, forHash hash: String, readAt generation: UInt64) {
        cache.remember(service, for: hash, ticket: ShortLivedCache.Ticket(emptyings: generation))
    }

    /// Forgets every entry and refuses what lookups in flight read.
    func invalidate() {
        cache.removeAll()
    }
}
