import Foundation
import IncidentDomain
import SQLiteCore
import Testing

@testable import IncidentStore

@Suite struct IncidentListTests {
    /// A generator with a fixed seed, so a failure repeats.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let titles = ["Disk full", "disk FULL on db", "Latency 100%", "latency_p99", "Checkout down", "DNS flaps"]
    static let summaries = ["", "p99 at 2 s", "50% errors", "a_b c", "Ünïcode ok", "DISK pressure"]
    static let labelValues = ["prod", "staging", "dev"]

    /// Creates `count` incidents with random fields, times from a small set (so ties on `created_at` occur),
    /// and random lifecycle actions; returns them as stored.
    static func populate(_ test: TestStore, count: Int, generator: inout SeededGenerator) async throws -> [Incident] {
        for name in ["payments", "search"] {
            _ = try await test.services.create(
                try serviceDraft(name), integrationKey: integrationKey(name.first ?? "x"), at: t0)
        }
        let services: [ServiceReference?] = [nil, .name("payments"), .name("search")]
        var ids: [IncidentID] = []
        for index in 0..<count {
            var labels: [String: String] = [:]
            if Bool.random(using: &generator) { labels["env"] = labelValues.randomElement(using: &generator) }
            if Bool.random(using: &generator) { labels["team"] = ["db", "web"].randomElement(using: &generator) }
            let created = try await test.incidents.create(
                try draft(
                    "\(titles.randomElement(using: &generator) ?? "") #\(index)",
                    summary: summaries.randomElement(using: &generator),
                    severity: Severity.allCases.randomElement(using: &generator)?.rawValue,
                    service: services.randomElement(using: &generator) ?? nil, labels: labels),
                by: alice, at: at(Double(Int.random(in: 0..<60, using: &generator)) + 0.25))
            ids.append(created.incident.id)
            let actions: [[IncidentAction]] = [[], [.acknowledge], [.mitigate], [.resolve], [.resolve, .close]]
            for action in actions.randomElement(using: &generator) ?? [] {
                _ = try await test.incidents.perform(action, on: created.incident.id, by: alice, at: at(100))
            }
        }
        var stored: [Incident] = []
        for id in ids { stored.append(try await test.incidents.incident(id)) }
        return stored
    }

    static func randomQuery(generator: inout SeededGenerator) -> IncidentListQuery {
        var query = IncidentListQuery(limit: Int.random(in: 1...40, using: &generator))
        if Int.random(in: 0..<3, using: &generator) == 0 {
            query.statuses =
                Bool.random(using: &generator)
                ? IncidentStatus.openStatuses
                : Set(IncidentStatus.allCases.filter { _ in Bool.random(using: &generator) })
        }
        if Int.random(in: 0..<3, using: &generator) == 0 {
            query.severities = Set(Severity.allCases.filter { _ in Bool.random(using: &generator) })
        }
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: query.service = .name("payments")
        case 1: query.service = .id(1)
        case 2: query.service = .name("unknown")
        default: break
        }
        if Int.random(in: 0..<3, using: &generator) == 0 {
            query.labels.append(LabelFilter(key: "env", value: labelValues.randomElement(using: &generator) ?? ""))
            if Bool.random(using: &generator) { query.labels.append(LabelFilter(key: "team", value: "db")) }
        }
        if Int.random(in: 0..<3, using: &generator) == 0 {
            query.text = ["disk", "LATENCY", "%", "_", "0%", "a_b", "p99", "ünï", "#1"].randomElement(using: &generator)
        }
        if Int.random(in: 0..<4, using: &generator) == 0 {
            query.since = at(Double(Int.random(in: 0..<60, using: &generator)))
        }
        if Int.random(in: 0..<4, using: &generator) == 0 {
            query.until = at(Double(Int.random(in: 1..<61, using: &generator)) + 0.25)
        }
        return query
    }

    @Test func theSQLListsExactlyWhatThePureFilterMatchesInItsOrder() async throws {
        let test = try await TestStore.make()
        var generator = SeededGenerator(state: 0x5EED)
        let all = try await Self.populate(test, count: 300, generator: &generator)
        for _ in 0..<150 {
            var query = Self.randomQuery(generator: &generator)
            if query.service == .name("unknown") {
                await #expect(
                    throws: IncidentError.unknownService(.name("unknown"), known: ["default", "payments", "search"])
                ) {
                    _ = try await test.incidents.list(query)
                }
                continue
            }
            let expected = all.filter(query.matches).sorted(by: IncidentListQuery.isListedBefore)
            // Walk every page through the cursor and compare with the reference, page by page.
            var listed: [Incident] = []
            var pages = 0
            while true {
                let page = try await test.incidents.list(query)
                let reference = IncidentPage(
                    fetched: Array(
                        all.filter(query.matches).sorted(by: IncidentListQuery.isListedBefore)
                            .prefix(query.limit + 1)),
                    limit: query.limit)
                #expect(page == reference, "\(query)")
                listed += page.items
                pages += 1
                guard let next = page.nextCursor, pages < 400 else { break }
                query.cursor = next
            }
            #expect(listed == expected, "\(query)")
        }
        await test.close()
    }

    @Test func textSearchTakesPercentAndUnderscoreLiterally() async throws {
        let test = try await TestStore.make()
        let percent = try await test.incidents.create(try draft("Errors at 50%"), by: alice, at: t0).incident
        let underscore = try await test.incidents.create(try draft("queue_depth high"), by: alice, at: at(1)).incident
        let plain = try await test.incidents.create(
            try draft("Errors at 50 percent", summary: "queue depth"), by: alice, at: at(2)
        ).incident
        #expect(try await test.incidents.list(IncidentListQuery(text: "50%")).items == [percent])
        #expect(try await test.incidents.list(IncidentListQuery(text: "E_DEPTH")).items == [underscore])
        #expect(try await test.incidents.list(IncidentListQuery(text: "ERRORS")).items == [plain, percent])
        await test.close()
    }

    @Test func anUnknownServiceIsRefusedRatherThanListedAsQuiet() async throws {
        let test = try await TestStore.make()
        _ = try await test.incidents.create(try draft(), by: alice, at: t0)
        await #expect(throws: IncidentError.unknownService(.name("nothing-here"), known: ["default"])) {
            _ = try await test.incidents.list(IncidentListQuery(service: .name("nothing-here")))
        }
        await #expect(throws: IncidentError.unknownService(.id(99), known: ["default"])) {
            _ = try await test.incidents.list(IncidentListQuery(service: .id(99)))
        }
        #expect(try await test.incidents.list(IncidentListQuery(service: .name("default"))).items.count == 1)
        await test.close()
    }

    @Test func pagesStayStableWhileIncidentsAreAdded() async throws {
        let test = try await TestStore.make()
        for index in 0..<120 {
            _ = try await test.incidents.create(try draft("Existing \(index)"), by: alice, at: at(Double(index / 3)))
        }
        let before = try await test.incidents.list(IncidentListQuery(limit: 500)).items
        let incidents = test.incidents
        var query = IncidentListQuery(limit: 7)
        let first = try await incidents.list(query)
        var walked = first.items
        query.cursor = first.nextCursor
        // Writers keep adding newer incidents (and some at the same instant as listed ones, with larger ids)
        // while the remaining pages are walked.
        let writer = Task {
            for index in 0..<60 {
                let when = index.isMultiple(of: 2) ? at(1000 + Double(index)) : at(Double(index % 40))
                _ = try await incidents.create(try draft("New \(index)"), by: alice, at: when)
            }
        }
        for _ in 0..<100 {
            guard query.cursor != nil else { break }
            let page = try await incidents.list(query)
            walked += page.items
            query.cursor = page.nextCursor
        }
        try await writer.value
        let walkedIDs = walked.map(\.id)
        #expect(Set(walkedIDs).count == walkedIDs.count, "no incident listed twice")
        // Everything that existed before the walk is listed once, in order; new ones only where they sort
        // after the cursor of the moment (same-instant ones inserted later have larger ids and sort first).
        #expect(walked.filter { before.contains($0) } == before)
        #expect(walked.allSatisfy { $0.id.rawValue <= 120 || $0.createdAt < at(1000) })
        #expect(try await test.count("SELECT count(*) FROM incidents") == 180)
        await test.close()
    }

    @Test func theDashboardListsUseThePartialIndexesWithoutSorting() async throws {
        let test = try await TestStore.make()
        let queries = [
            IncidentListQuery(statuses: IncidentStatus.openStatuses, severities: [.sev1], service: .name("default")),
            IncidentListQuery(statuses: IncidentStatus.openStatuses, severities: [.sev1]),
            IncidentListQuery(statuses: IncidentStatus.openStatuses),
        ]
        for query in queries {
            let plan = try await test.pool.read { db in
                let (sql, arguments) = try IncidentListSQL.statement(for: query, in: db)
                return try db.query("EXPLAIN QUERY PLAN " + sql, arguments) { try $0.column("detail", as: String.self) }
            }
            #expect(plan.contains { $0.contains("incidents_open_by") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
        await test.close()
    }

    @Test func labelFiltersUseTheSideTableIndex() async throws {
        let test = try await TestStore.make()
        let query = IncidentListQuery(labels: [LabelFilter(key: "env", value: "prod")])
        let plan = try await test.pool.read { db in
            let (sql, arguments) = try IncidentListSQL.statement(for: query, in: db)
            return try db.query("EXPLAIN QUERY PLAN " + sql, arguments) { try $0.column("detail", as: String.self) }
        }
        #expect(plan.contains { $0.contains("incident_labels") && $0.contains("INDEX") }, "\(plan)")
        await test.close()
    }
}
