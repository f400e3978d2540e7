import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

@Suite struct IncidentRepositoryTests {
    @Test func createStoresTheIncidentWithItsCreatedEvent() async throws {
        let test = try await TestStore.make()
        let created = try await test.incidents.create(
            try draft("Disk full on db-1", summary: "/var at 100%", severity: "sev2", labels: ["env": "prod"]),
            by: alice, at: at(0.1234))
        #expect(created.created)
        #expect(created.incident.status == .triggered)
        #expect(created.incident.version == 1)
        #expect(created.incident.service?.name == "default")
        #expect(created.incident.createdAt == Timestamp.truncated(at(0.1234)))
        let loaded = try await test.incidents.incident(created.incident.id)
        #expect(loaded == created.incident)
        let timeline = try await test.incidents.timeline(created.incident.id)
        #expect(timeline == created.events)
        #expect(timeline.map(\.kind) == [.created])
        #expect(timeline.first?.actor == alice)
        #expect(timeline.first?.data["severity"] == .string("sev2"))
        let actor = try await test.pool.read { try $0.queryValue("SELECT actor FROM timeline_events", as: String.self) }
        #expect(actor == "token:alice")
        let labels = try await test.count("SELECT count(*) FROM incident_labels WHERE key = 'env' AND value = 'prod'")
        #expect(labels == 1)
        await test.close()
    }

    @Test func createOnAnUnknownServiceIsAFieldError() async throws {
        let test = try await TestStore.make()
        await #expect(throws: IncidentError.unknownService(.name("nope"), known: ["default"])) {
            try await test.incidents.create(try draft(service: .name("nope")), by: alice, at: t0)
        }
        #expect(try await test.count("SELECT count(*) FROM incidents") == 0)
        await test.close()
    }

    @Test func aDedupKeyReturnsTheOpenIncidentUntilItIsResolved() async throws {
        let test = try await TestStore.make()
        let first = try await test.incidents.create(try draft(dedupKey: "latency"), by: alice, at: t0)
        let again = try await test.incidents.create(try draft("Other title", dedupKey: "latency"), by: alice, at: at(5))
        #expect(!again.created)
        #expect(again.events.isEmpty)
        #expect(again.incident == first.incident)
        // Another service with the same key is another incident.
        _ = try await test.services.create(try serviceDraft("payments"), integrationKey: integrationKey("p"), at: t0)
        let elsewhere = try await test.incidents.create(
            try draft(service: .name("payments"), dedupKey: "latency"), by: alice, at: at(6))
        #expect(elsewhere.created)
        _ = try await test.incidents.perform(.resolve, on: first.incident.id, by: alice, at: at(10))
        let fresh = try await test.incidents.create(try draft(dedupKey: "latency"), by: alice, at: at(20))
        #expect(fresh.created)
        #expect(fresh.incident.id != first.incident.id)
        #expect(try await test.count("SELECT count(*) FROM incidents") == 3)
        #expect(try await test.count("SELECT count(*) FROM timeline_events WHERE kind = 'created'") == 3)
        await test.close()
    }

    @Test func fiftyConcurrentCreatesWithOneDedupKeyOpenExactlyOneIncident() async throws {
        let test = try await TestStore.make()
        let incidents = test.incidents
        let results = try await withThrowingTaskGroup(of: IncidentCreation.self) { group in
            for index in 0..<50 {
                group.addTask {
                    try await incidents.create(
                        try draft("Storm \(index)", dedupKey: "storm"), by: alice, at: at(Double(index)))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count { $0.created } == 1)
        #expect(Set(results.map(\.incident.id)).count == 1)
        #expect(try await test.count("SELECT count(*) FROM incidents") == 1)
        #expect(try await test.count("SELECT count(*) FROM timeline_events") == 1)
        await test.close()
    }

    @Test func aMissingIncidentIsNotFound() async throws {
        let test = try await TestStore.make()
        await #expect(throws: IncidentError.notFound(.incident, id: "42")) { try await test.incidents.incident(42) }
        await #expect(throws: IncidentError.notFound(.incident, id: "42")) { try await test.incidents.timeline(42) }
        await #expect(throws: IncidentError.notFound(.incident, id: "42")) {
            try await test.incidents.perform(.acknowledge, on: 42, by: alice, at: t0)
        }
        await #expect(throws: IncidentError.notFound(.incident, id: "42")) {
            try await test.incidents.addNote(42, try NewTimelineEvent.note("hello", by: alice, at: t0))
        }
        await test.close()
    }

    @Test func actionsStoreTheIncidentAndAppendTheirEvents() async throws {
        let test = try await TestStore.make()
        let id = try await test.incidents.create(try draft(), by: alice, at: t0).incident.id
        let acknowledged = try await test.incidents.perform(
            .acknowledge, on: id, expectedVersion: 1, by: .token("bob"), at: at(60), note: "on it")
        #expect(acknowledged.incident.status == .acknowledged)
        #expect(acknowledged.incident.version == 2)
        #expect(acknowledged.incident.acknowledgedAt == at(60))
        #expect(acknowledged.events.map(\.kind) == [.acknowledged])
        let escalated = try await test.incidents.perform(.escalate, on: id, by: alice, at: at(120), severity: .sev1)
        #expect(escalated.incident.severity == .sev1)
        #expect(escalated.incident.escalationLevel == 1)
        let mitigated = try await test.incidents.perform(.mitigate, on: id, by: alice, at: at(180))
        let resolved = try await test.incidents.perform(.resolve, on: id, by: alice, at: at(240))
        let closed = try await test.incidents.perform(.close, on: id, by: alice, at: at(300))
        #expect(closed.incident.status == .closed)
        #expect(closed.incident.version == 6)
        #expect(try await test.incidents.incident(id) == closed.incident)
        let timeline = try await test.incidents.timeline(id)
        #expect(timeline.map(\.kind) == [.created, .acknowledged, .escalated, .mitigated, .resolved, .closed])
        #expect(timeline.map(\.id) == timeline.map(\.id).sorted())
        #expect(timeline[1].actor == .token("bob"))
        #expect(timeline[1].message == "Acknowledged: on it")
        #expect(
            Array(timeline[1...]) == acknowledged.events + escalated.events + mitigated.events + resolved.events
                + closed.events)
        await test.close()
    }

    @Test func aStaleVersionWritesNothing() async throws {
        let test = try await TestStore.make()
        let id = try await test.incidents.create(try draft(), by: alice, at: t0).incident.id
        _ = try await test.incidents.perform(.acknowledge, on: id, by: alice, at: at(1))
        let before = try await test.incidents.incident(id)
        await #expect(throws: IncidentError.versionMismatch(expected: 1, actual: 2)) {
            try await test.incidents.perform(.resolve, on: id, expectedVersion: 1, by: alice, at: at(2))
        }
        #expect(try await test.incidents.incident(id) == before)
        #expect(try await test.incidents.timeline(id).count == 2)
        await test.close()
    }

    @Test func anInvalidTransitionLeavesTheRowUntouched() async throws {
        let test = try await TestStore.make()
        let id = try await test.incidents.create(try draft(), by: alice, at: t0).incident.id
        let before = try await test.incidents.incident(id)
        await #expect(throws: IncidentError.self) {
            try await test.incidents.perform(.close, on: id, by: alice, at: at(1))
        }
        do {
            _ = try await test.incidents.perform(.reopen, on: id, by: alice, at: at(1))
            Issue.record("reopen of a triggered incident succeeded")
        } catch let error as IncidentError {
            guard case .invalidTransition(from: .triggered, action: .reopen, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        #expect(try await test.incidents.incident(id) == before)
        #expect(try await test.incidents.timeline(id).count == 1)
        await test.close()
    }

    @Test func aChangeTheSchemaRefusesRollsBackOnlyItsOwnCaller() async throws {
        let test = try await TestStore.make()
        let incidents = test.incidents
        var ids: [IncidentID] = []
        for index in 0..<20 {
            ids.append(
                try await incidents.create(try draft("Incident \(index)"), by: alice, at: at(Double(index))).incident.id
            )
        }
        // An actor the timeline's CHECK refuses (empty kind): the incident row is updated first, then the event
        // insert fails; that caller's savepoint must undo its row while the others in the batch commit.
        let broken = Principal(kind: Principal.Kind(rawValue: ""), name: "ghost")
        let outcomes = await withTaskGroup(of: (IncidentID, Bool).self) { group in
            for (index, id) in ids.enumerated() {
                group.addTask {
                    let actor = index.isMultiple(of: 2) ? alice : broken
                    let result = try? await incidents.perform(.acknowledge, on: id, by: actor, at: at(100))
                    return (id, result != nil)
                }
            }
            return await group.reduce(into: [IncidentID: Bool]()) { $0[$1.0] = $1.1 }
        }
        for (index, id) in ids.enumerated() {
            let incident = try await incidents.incident(id)
            let succeeded = outcomes[id] == true
            #expect(succeeded == index.isMultiple(of: 2))
            #expect(incident.status == (succeeded ? .acknowledged : .triggered))
            #expect(incident.version == (succeeded ? 2 : 1))
            #expect(try await incidents.timeline(id).count == (succeeded ? 2 : 1))
        }
        await test.close()
    }

    @Test func editsRecordEachChangedFieldAndRewriteTheLabels() async throws {
        let test = try await TestStore.make()
        _ = try await test.services.create(try serviceDraft("payments"), integrationKey: integrationKey("p"), at: t0)
        let id = try await test.incidents.create(try draft(labels: ["env": "prod", "team": "web"]), by: alice, at: t0)
            .incident.id
        let edit = try IncidentPatch(
            title: .set("Checkout down"), service: .set(.name("payments")), commander: .set("alice"),
            labels: .set(["env": "staging"])
        ).validate()
        let updated = try await test.incidents.edit(id, expectedVersion: 1, edit, by: alice, at: at(30))
        #expect(updated.incident.title == "Checkout down")
        #expect(updated.incident.service?.name == "payments")
        #expect(updated.incident.commander == "alice")
        #expect(updated.incident.labels == ["env": "staging"])
        #expect(updated.incident.version == 2)
        #expect(updated.incident.updatedAt == at(30))
        #expect(
            updated.events.map { $0.data["field"] }
                == ["title", "service", "commander", "labels"].map(JSONValue.string))
        #expect(try await test.incidents.incident(id) == updated.incident)
        let labelRows = try await test.pool.read { db in
            try db.query("SELECT key || '=' || value FROM incident_labels WHERE incident_id = ?", [id.rawValue]) {
                try $0.column(0, as: String.self)
            }
        }
        #expect(labelRows == ["env=staging"])
        // The same edit again changes nothing and writes nothing.
        let same = try await test.incidents.edit(id, expectedVersion: 2, edit, by: alice, at: at(40))
        #expect(same.events.isEmpty)
        #expect(same.incident == updated.incident)
        #expect(try await test.incidents.timeline(id).count == 5)
        await test.close()
    }

    @Test func anEditToAnUnknownServiceIsAFieldErrorAndWritesNothing() async throws {
        let test = try await TestStore.make()
        let id = try await test.incidents.create(try draft(), by: alice, at: t0).incident.id
        let edit = try IncidentPatch(title: .set("New title"), service: .set(.name("ghost"))).validate()
        await #expect(throws: IncidentError.unknownService(.name("ghost"), known: ["default"])) {
            try await test.incidents.edit(id, expectedVersion: nil, edit, by: alice, at: at(1))
        }
        #expect(try await test.incidents.incident(id).title == "Checkout latency above SLO")
        await test.close()
    }

    @Test func notesAppendWithoutChangingTheVersion() async throws {
        let test = try await TestStore.make()
        let id = try await test.incidents.create(try draft(), by: alice, at: t0).incident.id
        let note = try await test.incidents.addNote(
            id, try NewTimelineEvent.note("Looking at the graphs", by: alice, at: at(5)))
        #expect(note.kind == .note)
        #expect(note.incidentID == id)
        #expect(try await test.incidents.incident(id).version == 1)
        #expect(try await test.incidents.timeline(id).last == note)
        await test.close()
    }

    @Test func theTimelineRefusesUpdatesAndDeletes() async throws {
        let test = try await TestStore.make()
        let id = try await test.incidents.create(try draft(), by: alice, at: t0).incident.id
        let update = await #expect(throws: SQLiteError.self) {
            try await test.pool.write { try $0.execute("UPDATE timeline_events SET message = 'rewritten'") }
        }
        #expect(update?.isTriggerConstraint == true)
        let delete = await #expect(throws: SQLiteError.self) {
            try await test.pool.write { try $0.execute("DELETE FROM timeline_events") }
        }
        #expect(delete?.isTriggerConstraint == true)
        #expect(try await test.incidents.timeline(id).first?.message == "Opened: Checkout latency above SLO")
        await test.close()
    }

    @Test func reopeningWhileAnotherOpenIncidentHoldsTheDedupKeyIsAConflict() async throws {
        let test = try await TestStore.make()
        let first = try await test.incidents.create(try draft(dedupKey: "k"), by: alice, at: t0).incident.id
        _ = try await test.incidents.perform(.resolve, on: first, by: alice, at: at(1))
        _ = try await test.incidents.create(try draft(dedupKey: "k"), by: alice, at: at(2))
        await #expect(throws: IncidentError.self) {
            try await test.incidents.perform(.reopen, on: first, by: alice, at: at(3))
        }
        #expect(try await test.incidents.incident(first).status == .resolved)
        #expect(try await test.incidents.timeline(first).count == 2)
        await test.close()
    }
}
