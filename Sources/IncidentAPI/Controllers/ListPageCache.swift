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

    /// The number of pages kept, for tests.
    var count: Int { entries.withLock { $0.count } }
}
