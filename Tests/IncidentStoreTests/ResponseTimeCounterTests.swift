import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

/// The time-to-acknowledge and time-to-resolve histograms of /metrics come from counters that triggers move
/// (`0014_response_time_counters.sql`), not from a count over every incident at each scrape. They must equal
/// that count, whatever happened to the incidents and whenever the database was upgraded.
@Suite struct ResponseTimeCounterTests {
    /// What a scrape counted before 0014: every incident with the time set, bucketed at each scrape.
    static func countedOverEveryIncident(_ column: String, in db: Connection) throws -> BucketCounts {
        let bounds = StoreMetrics.responseTimeBounds
        var counts = BucketCounts(upperBounds: bounds)
        for milliseconds in try db.query(
            "SELECT max(0, \(column) - created_at) FROM incidents WHERE \(column) IS NOT NULL",
            row: { try $0.column(0, as: Int64.self) })
        {
            counts.record(Double(milliseconds) / 1000)
        }
        return counts
    }

    private func expectCountersMatchTheIncidents(_ store: KlaxonStore) async throws {
        let metrics = try await store.metrics(now: at(200_000))
        let (acknowledge, resolve) = try await store.pool.read { db in
            (
                try Self.countedOverEveryIncident("acknowledged_at", in: db),
                try Self.countedOverEveryIncident("resolved_at", in: db)
            )
        }
        #expect(metrics.timeToAcknowledge == acknowledge)
        #expect(metrics.timeToResolve == resolve)
        #expect(metrics.incidentsAcknowledged == acknowledge.count)
    }

    @Test func everyLifecycleChangeMovesTheCounters() async throws {
        let test = try await TestStore.make()
        let incidents = test.incidents
        func open(_ title: String) async throws -> IncidentID {
            try await incidents.create(try draft(title), by: alice, at: t0).incident.id
        }
        let acknowledgedThenResolved = try await open("acknowledged, then resolved")
        _ = try await incidents.perform(.acknowledge, on: acknowledgedThenResolved, by: alice, at: at(90))
        _ = try await incidents.perform(.resolve, on: acknowledgedThenResolved, by: alice, at: at(400))
        let mitigatedAtOnce = try await open("mitigated without an acknowledgement")
        _ = try await incidents.perform(.mitigate, on: mitigatedAtOnce, by: alice, at: at(45))
        let reopened = try await open("resolved, reopened, resolved again a day later")
        _ = try await incidents.perform(.resolve, on: reopened, by: alice, at: at(5_000))
        _ = try await incidents.perform(.reopen, on: reopened, by: alice, at: at(6_000))
        try await expectCountersMatchTheIncidents(test.store)
        _ = try await incidents.perform(.resolve, on: reopened, by: alice, at: at(100_000))
        _ = try await open("still open")
        // Rows written with their times already set (an import, a restore by hand) count too.
        try await test.pool.write { db in
            try db.execute(
                """
                INSERT INTO incidents (title, status, severity, service_id, labels, created_at, updated_at,
                    acknowledged_at, resolved_at)
                VALUES ('imported', 'resolved', 'sev3', 1, '{}', ?, ?, ?, ?)
                """, [t0, at(7_000), at(20), at(7_000)])
        }
        try await expectCountersMatchTheIncidents(test.store)

        let metrics = try await test.store.metrics(now: at(200_000))
        // Acknowledged: after 90 s, 45 s (the mitigation) and 20 s; resolved: after 400 s, 100,000 s, 7,000 s.
        #expect(metrics.timeToAcknowledge.count == 3)
        #expect(metrics.timeToAcknowledge.sum == 155)
        #expect(metrics.timeToResolve.count == 3)
        #expect(metrics.timeToResolve.cumulativeCounts.last == 3)
        #expect(metrics.timeToResolve.counts.last == 1, "100,000 s is above every bound")
        await test.close()
    }

    @Test func upgradingCountsTheIncidentsAlreadyStored() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("klaxon-response-times-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("klaxon.db").path

        // A database as the release before 0014 left it, with incidents acknowledged and resolved.
        let connection = try Connection(path: path)
        let before = try KlaxonMigrations.all().filter { $0.version < 14 }
        _ = try Migrator(migrations: before).migrate(connection)
        for index in 0..<40 {
            let acknowledgedAfter: Double? = index % 4 == 0 ? nil : Double(index * 37)
            let resolvedAfter: Double? = index % 3 == 0 ? nil : Double(index * index * 91)
            try connection.execute(
                """
                INSERT INTO incidents (title, status, severity, service_id, labels, created_at, updated_at,
                    acknowledged_at, resolved_at)
                VALUES (?, ?, 'sev2', 1, '{}', ?, ?, ?, ?)
                """,
                [
                    "incident \(index)", resolvedAfter == nil ? "triggered" : "resolved", t0, t0,
                    acknowledgedAfter.map(at), resolvedAfter.map(at),
                ])
        }
        connection.close()

        let store = try await KlaxonStore.open(path: path)
        try await expectCountersMatchTheIncidents(store)
        #expect(try await store.metrics(now: at(200_000)).timeToAcknowledge.count == 30)
        await store.close()
    }
}
