import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

/// The escalation engine's storage: one page per level however many engines race for a timer, and the page,
/// the level change and the outbox rows in one transaction.
@Suite struct EscalationRepositoryTests {
    /// alice (webhook) at level 0 after 5 minutes, bob (email) at level 1; service `checkout` follows it.
    func setUp(_ store: KlaxonStore) async throws {
        _ = try await store.users.create(
            try NewUser(handle: "alice", name: "Alice", webhookURL: "https://example.com/alice").validate(), at: t0)
        _ = try await store.users.create(
            try NewUser(handle: "bob", name: "Bob", email: "bob@example.com").validate(), at: t0)
        _ = try await store.escalationPolicies.create(
            try NewEscalationPolicy(
                name: "checkout",
                levels: [
                    EscalationLevel(delayMinutes: 5, targets: [.user("alice")]),
                    EscalationLevel(delayMinutes: 5, targets: [.user("bob")]),
                ], repeatCount: 3
            ).validate(), at: t0)
        _ = try await store.services.create(try serviceDraft("checkout"), integrationKey: integrationKey("c"), at: t0)
        try await store.escalationPolicies.setPolicy(.name("checkout"), ofService: .name("checkout"))
    }

    @Test func creatingAnIncidentPagesLevelZeroInTheSameTransaction() async throws {
        let test = try await TestStore.make()
        try await setUp(test.store)
        let creation = try await test.incidents.create(try draft(service: .name("checkout")), by: alice, at: t0)
        #expect(creation.events.map(\.kind) == [.created, .paged])
        let outbox = try await test.store.escalations.outbox(of: creation.incident.id)
        #expect(outbox.map(\.recipient.address) == ["https://example.com/alice"])
        #expect(outbox.first?.eventID == creation.events.last?.id)
        let state = try await test.store.escalations.state(of: creation.incident.id)
        #expect(state?.nextEscalationAt == at(300))
        #expect(try await test.store.escalations.nextDue() == at(300))
        await test.close()
    }

    @Test func enginesRacingForOneTimerPageItOnce() async throws {
        let test = try await TestStore.make()
        try await setUp(test.store)
        let id = try await test.incidents.create(try draft(service: .name("checkout")), by: alice, at: t0).incident.id
        // A second store on the same file stands for a second process.
        let other = try await KlaxonStore.open(path: test.path)
        let escalations = [test.store.escalations, other.escalations, test.store.escalations, other.escalations]
        let handled = try await withThrowingTaskGroup(of: Int.self) { group in
            for engine in escalations {
                group.addTask { try await engine.runDue(at: at(300)) }
            }
            return try await group.reduce(0, +)
        }
        #expect(handled == 1)
        let outbox = try await test.store.escalations.outbox(of: id)
        #expect(outbox.map(\.level) == [0, 1])
        #expect(try await test.incidents.incident(id).escalationLevel == 1)
        let kinds = try await test.incidents.timeline(id).map(\.kind)
        #expect(kinds == [.created, .paged, .escalated, .paged])
        await other.close()
        await test.close()
    }

    /// A storm's timers run out together: their pages share transactions (group commit) instead of waiting
    /// for one fsync each, and every incident is still paged exactly once.
    @Test func timersDueTogetherShareCommits() async throws {
        let test = try await TestStore.make()
        try await setUp(test.store)
        var ids: [IncidentID] = []
        for number in 0..<48 {
            let draft = try draft("Storm \(number)", service: .name("checkout"))
            ids.append(try await test.incidents.create(draft, by: alice, at: t0).incident.id)
        }
        let before = test.store.pool.statistics
        let handled = try await test.store.escalations.runDue(at: at(300))
        let after = test.store.pool.statistics
        #expect(handled == 48)
        let callers = after.callersCommitted - before.callersCommitted
        let transactions = after.transactionsCommitted - before.transactionsCommitted
        #expect(callers == 48)
        #expect(transactions < callers, "each timer committed on its own: \(transactions) transactions")
        for id in ids {
            let outbox = try await test.store.escalations.outbox(of: id)
            #expect(outbox.map(\.level) == [0, 1])
        }
        #expect(try await test.store.escalations.runDue(at: at(300)) == 0)
        await test.close()
    }

    @Test func aPolicyFollowedByAServiceCannotBeDeletedAndAUserInAPolicyNeither() async throws {
        let test = try await TestStore.make()
        try await setUp(test.store)
        await #expect(throws: IncidentError.self) { try await test.store.escalationPolicies.delete(.name("checkout")) }
        await #expect(throws: IncidentError.self) { try await test.store.users.delete(.name("bob")) }
        await test.close()
    }
}
