import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

@Suite struct AlertRepositoryTests {
    static let grouping = AlertGrouping()

    static func generic(
        _ dedupKey: String, status: String = "firing", severity: String = "warning", service: String? = nil
    ) throws -> NormalizedAlert {
        try GenericAlert(
            summary: "Disk almost full on \(dedupKey)", severity: severity, dedupKey: dedupKey, status: status,
            labels: ["host": dedupKey], service: service
        ).normalized(now: t0)
    }

    @Test func triggerOpensThenAttachesThenResolveResolves() async throws {
        let test = try await TestStore.make()
        let alerts = test.store.alerts
        let opened = try await alerts.ingest(
            [try Self.generic("db-1")], service: .name("default"), grouping: Self.grouping, webhookID: nil, at: at(0))
        #expect(opened.map(\.effect) == [.created])
        let id = try #require(opened.first?.incidentID)
        let again = try await alerts.ingest(
            [try Self.generic("db-1")], service: .name("default"), grouping: Self.grouping, webhookID: nil, at: at(10))
        #expect(again.map(\.effect) == [.attached])
        #expect(again.first?.incidentID == id)
        let resolved = try await alerts.ingest(
            [try Self.generic("db-1", status: "resolved")], service: .name("default"), grouping: Self.grouping,
            webhookID: nil,
            at: at(20))
        #expect(resolved.map(\.effect) == [.resolved])
        #expect(try await test.incidents.incident(id).status == .resolved)
        let stored = try await alerts.alerts(of: id)
        #expect(stored.count == 1)
        #expect(stored.first?.status == .resolved)
        #expect(stored.first?.timesSeen == 3)
        #expect(stored.first?.firstSeenAt == at(0))
        #expect(stored.first?.resolvedAt == at(20))
        let kinds = try await test.incidents.timeline(id).map(\.kind)
        #expect(kinds == [.created, .alertReceived, .alertReceived, .resolved])
        #expect(try await test.incidents.timeline(id).first?.actor == Principal(kind: .integration, name: "generic"))
        await test.close()
    }

    @Test func oneBatchSeesItsOwnEarlierAlerts() async throws {
        let test = try await TestStore.make()
        let batch = [try Self.generic("db-2"), try Self.generic("db-2"), try Self.generic("db-2", status: "resolved")]
        let outcomes = try await test.store.alerts.ingest(
            batch, service: .name("default"), grouping: Self.grouping, webhookID: nil, at: at(0))
        #expect(outcomes.map(\.effect) == [.created, .attached, .resolved])
        #expect(try await test.count("SELECT count(*) FROM incidents") == 1)
        await test.close()
    }

    @Test func aGroupResolvesOnlyWhenItsLastFiringAlertResolvesWithinOneBatch() async throws {
        let test = try await TestStore.make()
        func member(_ status: String, _ instance: String) -> AlertmanagerWebhook.Alert {
            AlertmanagerWebhook.Alert(
                status: status, labels: ["alertname": "Down", "instance": instance], fingerprint: "fp-\(instance)")
        }
        let webhook = AlertmanagerWebhook(
            groupKey: "{}:{alertname=\"Down\"}", status: "firing",
            alerts: [member("firing", "a"), member("firing", "b")])
        let resolving = AlertmanagerWebhook(
            groupKey: "{}:{alertname=\"Down\"}", status: "resolved",
            alerts: [member("resolved", "a"), member("resolved", "b")])
        let batch = try webhook.normalized(now: t0) + resolving.normalized(now: t0)
        let outcomes = try await test.store.alerts.ingest(
            batch, service: .name("default"), grouping: Self.grouping, webhookID: nil, at: at(0))
        #expect(outcomes.map(\.effect) == [.created, .attached, .alertResolved, .resolved])
        let id = try #require(outcomes.first?.incidentID)
        #expect(try await test.incidents.incident(id).status == .resolved)
        #expect(try await test.store.alerts.alerts(of: id).map(\.status) == [.resolved, .resolved])
        await test.close()
    }

    /// A batch reads its key's incident once and keeps it as it writes: it must end exactly where the same
    /// alerts sent one request each end (resolve, reopen within the window, severity rising).
    @Test func oneBatchEndsWhereTheSameAlertsSentOneByOneEnd() async throws {
        let test = try await TestStore.make()
        func sequence(_ key: String) throws -> [NormalizedAlert] {
            [
                try Self.generic(key), try Self.generic(key, status: "resolved"), try Self.generic(key),
                try Self.generic(key, severity: "critical"), try Self.generic(key),
            ]
        }
        let batched = try await test.store.alerts.ingest(
            try sequence("db-6"), service: .name("default"), grouping: Self.grouping, webhookID: nil, at: at(0))
        var oneByOne: [AlertOutcome] = []
        for alert in try sequence("db-7") {
            oneByOne += try await test.store.alerts.ingest(
                [alert], service: .name("default"), grouping: Self.grouping, webhookID: nil, at: at(0))
        }
        #expect(batched.map(\.effect).prefix(3) == [.created, .resolved, .reopened])
        #expect(batched.map(\.effect) == oneByOne.map(\.effect))
        let batchedIncident = try await test.incidents.incident(try #require(batched.first?.incidentID))
        let singleIncident = try await test.incidents.incident(try #require(oneByOne.first?.incidentID))
        #expect(batchedIncident.version == singleIncident.version)
        #expect(batchedIncident.status == singleIncident.status)
        #expect(batchedIncident.severity == singleIncident.severity)
        let batchedKinds = try await test.incidents.timeline(batchedIncident.id).map(\.kind)
        let singleKinds = try await test.incidents.timeline(singleIncident.id).map(\.kind)
        #expect(batchedKinds == singleKinds)
        #expect(try await test.count("SELECT count(*) FROM incidents") == 2)
        await test.close()
    }

    /// Re-sends are stored the way the full upsert stores them, whether they say something new or not: an
    /// unchanged re-send moves only the last-seen time and the count, a changed one is taken whole, a resolve
    /// only ends the row, a resolved alert re-sent keeps its first resolve time, and a key re-fired on an incident opened in the
    /// same batch updates its row instead of adding one.
    @Test func reSendsMoveLastSeenAndCountAndChangesAreStored() async throws {
        let test = try await TestStore.make()
        func send(_ annotations: [String: String], status: String = "firing", at seconds: Double) async throws
            -> [AlertOutcome]
        {
            let webhook = AlertmanagerWebhook(
                groupKey: "{}:{alertname=\"Slow\"}", status: status,
                alerts: [
                    AlertmanagerWebhook.Alert(
                        status: status, labels: ["alertname": "Slow", "instance": "a"], annotations: annotations,
                        startsAt: "2026-11-27T08:00:00Z", fingerprint: "fp-a")
                ])
            return try await test.store.alerts.ingest(
                try webhook.normalized(now: t0), service: .name("default"), grouping: Self.grouping, webhookID: nil,
                at: at(seconds))
        }
        // Counts the rows written whole (the upsert sets every column; an unchanged re-send only two). TEMP
        // objects live on the writer's connection, where every write runs.
        try await test.pool.writeWithoutTransaction { db in
            try db.executeScript(
                """
                CREATE TEMP TABLE rewrites (n INTEGER NOT NULL);
                INSERT INTO rewrites VALUES (0);
                CREATE TEMP TRIGGER count_rewrites AFTER UPDATE OF labels ON main.alerts
                BEGIN UPDATE rewrites SET n = n + 1; END;
                """)
        }
        func rewrites() async throws -> Int {
            try await test.pool.write { try $0.queryValue("SELECT n FROM temp.rewrites", as: Int.self) } ?? -1
        }
        let id = try #require(try await send(["summary": "slow"], at: 0).first?.incidentID)
        _ = try await send(["summary": "slow"], at: 10)
        var stored = try #require(try await test.store.alerts.alerts(of: id).first)
        #expect((stored.timesSeen, stored.firstSeenAt, stored.lastSeenAt) == (2, at(0), at(10)))
        #expect(stored.annotations == ["summary": "slow"])
        #expect(try await rewrites() == 0)
        _ = try await send(["summary": "slower"], at: 20)
        stored = try #require(try await test.store.alerts.alerts(of: id).first)
        #expect((stored.timesSeen, stored.lastSeenAt, stored.annotations) == (3, at(20), ["summary": "slower"]))
        #expect(try await rewrites() == 1)
        _ = try await send(["summary": "slower"], status: "resolved", at: 30)
        _ = try await send(["summary": "slower"], status: "resolved", at: 40)
        stored = try #require(try await test.store.alerts.alerts(of: id).first)
        #expect((stored.status, stored.resolvedAt, stored.lastSeenAt, stored.timesSeen) == (.resolved, at(30), at(40), 5))
        // A resolve only ends the row (status, end, resolved at); it writes none of what the alert fired with.
        #expect(try await rewrites() == 1)
        #expect(try await test.count("SELECT count(*) FROM alerts") == 1)

        let refired = [try Self.generic("db-8"), try Self.generic("db-8", status: "resolved"), try Self.generic("db-8")]
        let outcomes = try await test.store.alerts.ingest(
            refired, service: .name("default"), grouping: Self.grouping, webhookID: nil, at: at(50))
        let refiredID = try #require(outcomes.first?.incidentID)
        let rows = try await test.store.alerts.alerts(of: refiredID)
        #expect(rows.map(\.status) == [.firing])
        #expect(rows.first?.timesSeen == 3)
        await test.close()
    }

    @Test func unknownServiceNameFallsBackToDefaultAndUnknownIDWritesNothing() async throws {
        let test = try await TestStore.make()
        let routed = try await test.store.alerts.ingest(
            [try Self.generic("db-3")], service: .name("nosuch"), grouping: Self.grouping, webhookID: nil, at: at(0))
        let id = try #require(routed.first?.incidentID)
        #expect(try await test.incidents.incident(id).service?.name == "default")
        await #expect(throws: IncidentError.self) {
            _ = try await test.store.alerts.ingest(
                [try Self.generic("db-4")], service: .id(ServiceID(999)), grouping: Self.grouping, webhookID: nil,
                at: at(1))
        }
        #expect(try await test.count("SELECT count(*) FROM incidents") == 1)
        #expect(try await test.count("SELECT count(*) FROM alerts") == 1)
        await test.close()
    }

    @Test func acknowledgeAndResolveOfUnknownKeysAreIgnoredWithoutRows() async throws {
        let test = try await TestStore.make()
        let outcomes = try await test.store.alerts.ingest(
            [try Self.generic("db-5", status: "resolved")], service: .name("default"), grouping: Self.grouping,
            webhookID: nil,
            at: at(0))
        #expect(outcomes.map(\.effect) == [.ignored(.noOpenIncident)])
        #expect(outcomes.first?.incidentID == nil)
        #expect(try await test.count("SELECT count(*) FROM alerts") == 0)
        await test.close()
    }

    @Test func alertsOfAMissingIncidentIsNotFound() async throws {
        let test = try await TestStore.make()
        await #expect(throws: IncidentError.notFound(.incident, id: "42")) {
            _ = try await test.store.alerts.alerts(of: IncidentID(42))
        }
        await test.close()
    }
}
