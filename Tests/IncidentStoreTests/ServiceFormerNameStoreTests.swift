import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

/// Former names (0019) route like names, and a name routes to one service only.
@Suite struct ServiceFormerNameStoreTests {
    @Test func aRenamedServiceIsFoundByItsOldNameEverywhereANameIsLookedUp() async throws {
        let test = try await TestStore.make()
        let created = try await test.services.create(
            try serviceDraft("payments"), integrationKey: integrationKey("a"), at: t0)
        let opened = try await test.incidents.create(try draft(service: .name("payments")), by: alice, at: t0).incident
        let renamed = try await test.services.update(
            .name("payments"), try ServicePatch(name: "payments-api").validate(), at: at(1))
        #expect(renamed.formerNames == ["payments"])
        #expect(try await test.services.service(.name("payments")) == renamed, "found by its former name")
        #expect(try await test.services.service(.id(created.id)) == renamed, "read back with its former names")
        #expect(try await test.services.list().first { $0.id == created.id }?.formerNames == ["payments"])
        // A list filter, and a new incident's service, by the old name.
        #expect(
            try await test.incidents.list(IncidentListQuery(service: .name("payments"))).items.map(\.id) == [opened.id])
        let later = try await test.incidents.create(
            try draft("Again", service: .name("payments")), by: alice, at: at(2))
        #expect(later.incident.service?.name == "payments-api")
        await test.close()
    }

    @Test func aNameKeptAsAFormerNameCannotBeTakenUntilItIsForgotten() async throws {
        let test = try await TestStore.make()
        _ = try await test.services.create(try serviceDraft("payments"), integrationKey: integrationKey("a"), at: t0)
        let search = try await test.services.create(
            try serviceDraft("search"), integrationKey: integrationKey("b"), at: t0)
        _ = try await test.services.update(
            .name("payments"), try ServicePatch(name: "payments-api").validate(), at: at(1))
        let kept =
            "payments is a former name of service payments-api, and alerts naming it still reach that service; to give "
            + "the name to another service, first remove it from that service's former_names "
            + "(PATCH /api/v1/services/payments-api)"
        await #expect(throws: IncidentError.conflict(kept)) {
            try await test.services.create(try serviceDraft("payments"), integrationKey: integrationKey("c"), at: at(2))
        }
        await #expect(throws: IncidentError.conflict(kept)) {
            try await test.services.update(.id(search.id), try ServicePatch(name: "payments").validate(), at: at(2))
        }
        // Nor may another service keep it, or keep a name a service has.
        await #expect(
            throws: IncidentError.conflict(
                "former_names: payments is already a former name of service payments-api; a name routes to one service only"
            )
        ) {
            try await test.services.update(
                .id(search.id), try ServicePatch(formerNames: ["payments"]).validate(), at: at(2))
        }
        await #expect(
            throws: IncidentError.conflict(
                "former_names: payments-api is the name of another service; a name routes to one service only")
        ) {
            try await test.services.update(
                .id(search.id), try ServicePatch(formerNames: ["payments-api"]).validate(), at: at(2))
        }
        #expect(try await test.services.service(.id(search.id)).formerNames == [], "a refused patch wrote nothing")
        // Forgotten, the name is free again, and no longer finds the renamed service.
        _ = try await test.services.update(
            .name("payments-api"), try ServicePatch(formerNames: []).validate(), at: at(3))
        await #expect(throws: IncidentError.notFound(.service, id: "payments")) {
            try await test.services.service(.name("payments"))
        }
        let fresh = try await test.services.create(
            try serviceDraft("payments"), integrationKey: integrationKey("d"), at: at(4))
        #expect(try await test.services.service(.name("payments")) == fresh)
        await test.close()
    }

    @Test func renamingBackToAFormerNameAndDeletingTheServiceLeaveNoStaleName() async throws {
        let test = try await TestStore.make()
        let created = try await test.services.create(
            try serviceDraft("payments"), integrationKey: integrationKey("a"), at: t0)
        _ = try await test.services.update(.id(created.id), try ServicePatch(name: "billing").validate(), at: at(1))
        let back = try await test.services.update(
            .id(created.id), try ServicePatch(name: "payments").validate(), at: at(2))
        #expect(back.name == "payments")
        #expect(back.formerNames == ["billing"])
        try await test.services.delete(.id(created.id))
        await #expect(throws: IncidentError.notFound(.service, id: "billing")) {
            try await test.services.service(.name("billing"))
        }
        _ = try await test.services.create(try serviceDraft("billing"), integrationKey: integrationKey("b"), at: at(3))
        await test.close()
    }
}
