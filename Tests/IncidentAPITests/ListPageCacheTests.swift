import Foundation
import IncidentDomain
import Testing

@testable import IncidentAPI

@Suite struct ListPageCacheTests {
    let openSev1 = IncidentListQuery(statuses: [.triggered, .acknowledged, .mitigated], severities: [.sev1])

    @Test func servesAPageOnlyAtTheGenerationItWasReadAt() {
        let cache = ListPageCache()
        cache.store([1, 2, 3], for: openSev1, generation: 7)
        #expect(cache.body(for: openSev1, generation: 7) == [1, 2, 3])
        #expect(cache.body(for: openSev1, generation: 8) == nil)
        #expect(cache.body(for: IncidentListQuery(), generation: 7) == nil)
    }

    @Test func aPageReadBeforeAWriteIsNeverServedAfterIt() {
        let cache = ListPageCache()
        cache.store([1], for: openSev1, generation: 7)
        #expect(cache.body(for: openSev1, generation: 8) == nil)
        // Dropped, not kept for a generation that cannot come back.
        #expect(cache.count == 0)
        #expect(cache.body(for: openSev1, generation: 7) == nil)
    }

    @Test func aSlowReaderDoesNotReplaceANewerPage() {
        let cache = ListPageCache()
        cache.store([2], for: openSev1, generation: 9)
        cache.store([1], for: openSev1, generation: 8)
        #expect(cache.body(for: openSev1, generation: 9) == [2])
    }

    @Test func aFullCacheStartsOverAndLargePagesAreNotKept() {
        let cache = ListPageCache(capacity: 2, maximumBodySize: 4)
        cache.store([1], for: IncidentListQuery(limit: 1), generation: 1)
        cache.store([2], for: IncidentListQuery(limit: 2), generation: 1)
        cache.store([3], for: IncidentListQuery(limit: 3), generation: 1)
        #expect(cache.count == 1)
        #expect(cache.body(for: IncidentListQuery(limit: 3), generation: 1) == [3])
        cache.store([1, 2, 3, 4, 5], for: openSev1, generation: 1)
        #expect(cache.body(for: openSev1, generation: 1) == nil)
    }

    @Test func queryTextsAreParsedOnceAndOnlyValidOnesAreRemembered() throws {
        let cache = ListPageCache()
        var parses = 0
        let parse = { () throws(APIError) -> IncidentListQuery in
            parses += 1
            return try IncidentController.parseListQuery([("status", "open"), ("severity", "sev1")])
        }
        let first = try cache.query(forText: "status=open&severity=sev1", parse: parse)
        let second = try cache.query(forText: "status=open&severity=sev1", parse: parse)
        #expect(first == openSev1 && second == openSev1)
        #expect(parses == 1)
        _ = try cache.query(forText: "severity=sev1&status=open", parse: parse)
        #expect(parses == 2)

        var failures = 0
        for _ in 0..<2 {
            do {
                _ = try cache.query(forText: "limit=0") { () throws(APIError) in
                    try IncidentController.parseListQuery([("limit", "0")])
                }
            } catch {
                failures += 1
            }
        }
        #expect(failures == 2)
    }
}
