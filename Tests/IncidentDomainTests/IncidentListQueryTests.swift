import Foundation
import Testing

@testable import IncidentDomain

@Suite struct IncidentListQueryTests {
    func parse(_ items: [(String, String)]) throws -> IncidentListQuery {
        try IncidentListQuery.parse(items)
    }

    @Test func noParametersMeansEverythingFiftyAtATime() throws {
        let query = try parse([])
        #expect(query == IncidentListQuery())
        #expect(query.limit == 50)
    }

    @Test func statusOpenExpandsToTheOpenStatuses() throws {
        #expect(try parse([("status", "open")]).statuses == [.triggered, .acknowledged, .mitigated])
        #expect(
            try parse([("status", "open,resolved")]).statuses == [.triggered, .acknowledged, .mitigated, .resolved])
    }

    @Test func statusesIgnoreCaseAsSeveritiesDo() throws {
        #expect(try parse([("status", "OPEN")]).statuses == [.triggered, .acknowledged, .mitigated])
        #expect(try parse([("status", "Resolved,CLOSED")]).statuses == [.resolved, .closed])
        #expect(throws: IncidentError.self) { try parse([("status", "OPENED")]) }
    }

    @Test func commaListsAndRepeatsAreUnions() throws {
        let query = try parse([("status", "triggered, acknowledged"), ("status", "closed"), ("severity", "sev1,SEV2")])
        #expect(query.statuses == [.triggered, .acknowledged, .closed])
        #expect(query.severities == [.sev1, .sev2])
    }

    @Test func allFiltersParse() throws {
        let query = try parse([
            ("service", "payments"), ("label", "env:prod"), ("label", "url:http://x:9"), ("q", " disk full "),
            ("since", "2026-11-01T00:00:00Z"), ("until", "2026-11-27T10:00:00+02:00"), ("limit", "500"),
        ])
        #expect(query.service == .name("payments"))
        #expect(query.labels == [LabelFilter(key: "env", value: "prod"), LabelFilter(key: "url", value: "http://x:9")])
        #expect(query.text == "disk full")
        #expect(query.since == Timestamp.parse("2026-11-01T00:00:00Z"))
        #expect(query.until == Timestamp.parse("2026-11-27T08:00:00Z"))
        #expect(query.limit == 500)
        #expect(try parse([("service", "12")]).service == .id(12))
    }

    @Test func limitAtBoundsIsAccepted() throws {
        #expect(try parse([("limit", "1")]).limit == 1)
        #expect(try parse([("limit", "500")]).limit == 500)
    }

    @Test(arguments: ["0", "501", "-1", "ten", "", "+5", "1.5"])
    func limitOutsideBoundsIsAFieldError(value: String) throws {
        #expect(
            fieldErrors { _ = try parse([("limit", value)]) }
                == [FieldError(field: "limit", message: "must be a whole number from 1 to 500")])
    }

    @Test func badValuesAreFieldErrorsReportedTogether() {
        let errors = fieldErrors {
            _ = try parse([
                ("status", "open,,"), ("status", "pending"), ("severity", "high"), ("service", "Bad Name"),
                ("label", "nocolon"), ("q", ""), ("since", "yesterday"), ("cursor", "!!!"), ("sort", "asc"),
            ])
        }
        #expect(
            errors?.map(\.field) == [
                "status", "status", "severity", "service", "label", "q", "since", "cursor", "sort",
            ])
    }

    @Test func singleValuedParametersMustNotRepeat() {
        #expect(
            fieldErrors { _ = try parse([("limit", "5"), ("limit", "6")]) }
                == [FieldError(field: "limit", message: "must be given at most once")])
    }

    @Test func untilMustBeAfterSince() {
        #expect(
            fieldErrors { _ = try parse([("since", "2026-11-02T00:00:00Z"), ("until", "2026-11-01T00:00:00Z")]) }
                == [FieldError(field: "until", message: "must be later than since")])
    }

    @Test func badCursorIsAFieldErrorOnCursor() {
        let notOurs = Data("2:5:5".utf8).base64EncodedString()
        for token in ["", "abc", "MTox", notOurs, "MToxMjM6NDU=", String(repeating: "A", count: 80)] {
            #expect(fieldErrors { _ = try parse([("cursor", token)]) }?.map(\.field) == ["cursor"], "\(token)")
        }
    }

    @Test func cursorRoundTripsThroughItsOpaqueForm() throws {
        let cursor = IncidentCursor(createdAtMilliseconds: 1_795_768_200_123, id: 987_654)
        let token = cursor.encoded
        #expect(!token.contains("="))
        #expect(!token.contains("+") && !token.contains("/"))
        #expect(IncidentCursor(encoded: token) == cursor)
        #expect(try parse([("cursor", token)]).cursor == cursor)
        let old = IncidentCursor(createdAtMilliseconds: -1, id: 1)
        #expect(IncidentCursor(encoded: old.encoded) == old)
    }

    @Test func cursorTokenIsFoundationsBase64URLWithoutPadding() {
        for cursor in [
            IncidentCursor(createdAtMilliseconds: 1_795_768_200_123, id: 987_654),
            IncidentCursor(createdAtMilliseconds: 0, id: 1), IncidentCursor(createdAtMilliseconds: -1, id: 12),
            IncidentCursor(createdAtMilliseconds: 5, id: 123), IncidentCursor(createdAtMilliseconds: 55, id: 1234),
        ] {
            let plain = "1:\(cursor.createdAtMilliseconds):\(cursor.id.rawValue)"
            let expected = Data(plain.utf8).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(cursor.encoded == expected)
        }
        #expect(IncidentCursor.base64URL(Array("\u{FB}\u{FF}?".utf8)) == "w7vDvz8")
        #expect(IncidentCursor.base64URL([0xFB, 0xFF]) == "-_8")
        #expect(IncidentCursor.base64URL([]) == "")
    }

    @Test func cursorAfterAnIncidentUsesItsMillisecondsAndId() {
        let incident = Incident.make(id: 9)
        let cursor = IncidentCursor(after: incident)
        #expect(cursor.id == 9)
        #expect(cursor.createdAt == t0)
    }

    @Test func pageWithOneRowMoreThanTheLimitHasANextCursor() {
        let fetched = (1...4).map { Incident.make(id: IncidentID(Int64(10 - $0))) }
        let page = IncidentPage(fetched: fetched, limit: 3)
        #expect(page.items.map(\.id) == [9, 8, 7])
        #expect(page.nextCursor == IncidentCursor(after: fetched[2]))
        let last = IncidentPage(fetched: Array(fetched.prefix(3)), limit: 3)
        #expect(last.items.count == 3)
        #expect(last.nextCursor == nil)
    }

    @Test func matchingImplementsEveryFilter() throws {
        var incident = Incident.make(status: .acknowledged, severity: .sev2)
        incident.summary = "The DISK is full"
        let yes: [IncidentListQuery] = [
            try parse([("status", "open")]), try parse([("severity", "sev2,sev1")]),
            try parse([("service", "checkout")]),
            try parse([("service", "1")]), try parse([("label", "env:prod")]), try parse([("q", "disk")]),
            try parse([("q", "LATENCY")]), try parse([("since", Timestamp.format(t0))]),
            try parse([("until", Timestamp.format(t0.addingTimeInterval(0.001)))]),
        ]
        let no: [IncidentListQuery] = [
            try parse([("status", "resolved")]), try parse([("severity", "sev1")]),
            try parse([("service", "payments")]),
            try parse([("label", "env:staging")]), try parse([("label", "team:x")]), try parse([("q", "cpu")]),
            try parse([("since", Timestamp.format(t0.addingTimeInterval(0.001)))]),
            try parse([("until", Timestamp.format(t0))]),
        ]
        for query in yes { #expect(query.matches(incident), "\(query)") }
        for query in no { #expect(!query.matches(incident), "\(query)") }
        incident.service = nil
        #expect(!(try parse([("service", "checkout")]).matches(incident)))
    }

    @Test func pagesWalkedWithCursorsSeeEveryIncidentOnceNewestFirstDespiteInserts() {
        // 25 incidents, three sharing each millisecond, so ties are broken by id.
        var stored = (1...25).map { number in
            var incident = Incident.make(id: IncidentID(Int64(number)))
            incident.createdAt = t0.addingTimeInterval(Double(number / 3))
            return incident
        }
        var seen: [IncidentID] = []
        var query = IncidentListQuery(limit: 4)
        while true {
            let fetched = stored.filter(query.matches).sorted(by: IncidentListQuery.isListedBefore).prefix(
                query.limit + 1)
            let page = IncidentPage(fetched: Array(fetched), limit: query.limit)
            seen += page.items.map(\.id)
            // A new incident arrives between pages; it sorts before every cursor and must not appear.
            var newer = Incident.make(id: IncidentID(Int64(100 + seen.count)))
            newer.createdAt = t0.addingTimeInterval(1_000)
            stored.append(newer)
            guard let next = page.nextCursor else { break }
            query.cursor = next
        }
        #expect(seen == (1...25).reversed().map { IncidentID(Int64($0)) })
    }
}
