import IncidentDomain
import Synchronization

/// Rendered answers of `GET /api/v1/incidents`, by query, valid for one write generation of the store
/// (`IncidentRepository.writeGeneration`). A page is stored with the generation read *before* the read that
/// produced it, and served only while the store's generation still equals it; every write bumps the
/// generation before its caller is answered, so a page is never served after a write that could change it
/// has been acknowledged. Any write invalidates every page, which is coarse but cannot be wrong.
final class ListPageCache: Sendable {
    private struct Entry {
        let generation: UInt64
        let body: [UInt8]
    }

    /// Bounds memory: the cache is emptied when full (queries are few: dashboards poll the same ones).
    let capacity: Int
    /// Pages larger than this are not kept (a 500-item page is ~350 KB and rarely asked twice).
    let maximumBodySize: Int
    private let entries = Mutex<[IncidentListQuery: Entry]>([:])
    /// Query strings already parsed into their query (parsing is a pure function of the text, so this never
    /// goes stale); only valid queries are kept. Parsing cost more than the rest of answering from the cache.
    private let parsed = Mutex<[Substring: IncidentListQuery]>([:])
    /// Query strings longer than this are parsed every time.
    static let maximumQueryTextSize = 1024

    init(capacity: Int = 256, maximumBodySize: Int = 256 * 1024) {
        self.capacity = capacity
        self.maximumBodySize = maximumBodySize
    }

    /// The body stored for `query` if it was read at `generation`.
    func body(for query: IncidentListQuery, generation: UInt64) -> [UInt8]? {
        entries.withLock { entries in
            guard let entry = entries[query] else { return nil }
            guard entry.generation == generation else {
                if entry.generation < generation { entries[query] = nil }
                return nil
            }
            return entry.body
        }
    }

    /// Keeps `body`, rendered from a read that began at `generation` (read before the read started).
    func store(_ body: [UInt8], for query: IncidentListQuery, generation: UInt64) {
        guard body.count <= maximumBodySize else { return }
        entries.withLock { entries in
            if let existing = entries[query], existing.generation > generation { return }
            if entries[query] == nil, entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[query] = Entry(generation: generation, body: body)
        }
    }

    /// The query of the raw (still percent-encoded) query string `text`: remembered, or made by `parse` and
    /// remembered when it succeeds. What `parse` throws is rethrown and nothing is kept.
    func query(
        forText text: Substring, parse: () throws(APIError) -> IncidentListQuery
    ) throws(APIError) -> IncidentListQuery {
        if let known = parsed.withLock({ $0[text] }) { return known }
        let query = try parse()
        guard text.utf8.count <= Self.maximumQueryTextSize else { return query }
        let key = Substring(String(text))  // not the request's buffer, which the key would keep alive
        parsed.withLock { parsed in
            if parsed.count >= capacity { parsed.removeAll(keepingCapacity: true) }
            parsed[key] = query
        }
        return query
    }

    /// The number of pages kept, for tests.
    var count: Int { entries.withLock { $0.count } }
}
