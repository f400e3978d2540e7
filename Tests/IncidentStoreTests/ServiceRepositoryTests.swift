import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

@Suite struct ServiceRepositoryTests {
    @Test func createdServicesAreFoundByIDNameAndIntegrationKey() async throws {
        let test = try await TestStore.make()
        let created = try await test.services.create(
            try serviceDraft("payments", description: "Card payments", routingLabels: ["team": "pay"]),
            integrationKey: integrationKey("k"), at: at(0.5))
        #expect(created.name == "payments")
        #expect(created.routingLabels == ["team": "pay"])
        #expect(created.integrationKeyPrefix == "kkkkkkkk")
        #expect(try await test.services.service(.id(created.id)) == created)
        #expect(try await test.services.service(.name("payments")) == created)
        #expect(try await test.services.service(integrationKey: integrationKey("k")) == created)
        #expect(try await test.services.service(integrationKey: integrationKey("z")) == nil)
        #expect(try await test.services.list().map(\.name) == ["default", "payments"])
        await #expect(throws: IncidentError.notFound(.service, id: "nope")) {
            try await test.services.service(.name("nope"))
        }
        await test.close()
    }

    @Test func aTakenNameIsAConflict() async throws {
        let test = try await TestStore.make()
        _ = try await test.services.create(try serviceDraft("payments"), integrationKey: integrationKey("a"), at: t0)
        await #expect(throws: IncidentError.conflict("a service named payments already exists")) {
            try await test.services.create(try serviceDraft("payments"), integrationKey: integrationKey("b"), at: t0)
        }
        let search = try await test.services.create(try serviceDraft("search"), integrationKey: integrationKey("c"), at: t0)
        let rename = try ServicePatch(name: "payments").validate()
        await #expect(throws: IncidentError.conflict("a service named payments already exists")) {
            try await test.services.update(.id(search.id), rename, at: at(1))
        }
        #expect(try await test.services.service(.id(search.id)).name == "search")
        await test.close()
    }

    @Test func updatesAndKeyRotationsAreStored() async throws {
        let test = try await TestStore.make()
        let created = try await test.services.create(try serviceDraft("payments"), integrationKey: integrationKey("a"), at: t0)
        let updated = try await test.services.update(
            .name("payments"), try ServicePatch(name: "billing", description: "Invoices").validate(), at: at(10))
        #expect(updated.name == "billing")
        #expect(updated.description == "Invoices")
        #expect(updated.updatedAt == at(10))
        #expect(try await test.services.service(.id(created.id)) == updated)
        let rotated = try await test.services.rotateKey(.id(created.id), newKey: integrationKey("b"), at: at(20))
        #expect(rotated.integrationKeyPrefix == String(integrationKey("b").prefix(8)))
        #expect(try await test.services.service(integrationKey: integrationKey("a")) == nil)
        #expect(try await test.services.service(integrationKey: integrationKey("b")) == rotated)
        await test.close()
    }

    @Test func theDefaultServiceCannotBeDeletedOrRenamed() async throws {
        let test = try await TestStore.make()
        await #expect(throws: IncidentError.self) { try await test.services.delete(.name("default")) }
        await #expect(throws: IncidentError.self) {
            try await test.services.update(.name("default"), try ServicePatch(name: "other").validate(), at: t0)
        }
        #expect(try await test.services.list().map(\.name) == ["default"])
        await test.close()
    }

    @Test func aServiceWithOpenIncidentsCannotBeDeleted() async throws {
        let test = try await TestStore.make()
        let service = try await test.services.create(try serviceDraft("payments"), integrationKey: integrationKey("a"), at: t0)
        let id = try await test.incidents.create(try draft(service: .name("payments")), by: alice, at: t0).incident.id
        await #expect(throws: IncidentError.conflict("service payments has 1 open incident")) {
            try await test.services.delete(.id(service.id))
        }
        _ = try await test.incidents.perform(.resolve, on: id, by: alice, at: at(1))
        try await test.services.delete(.name("payments"))
        await #expect(throws: IncidentError.notFound(.service, id: "payments")) {
            try await test.services.delete(.name("payments"))
        }
        // The resolved incident stays, without a service, with its history.
        let incident = try await test.incidents.incident(id)
        #expect(incident.service == nil)
        #expect(try await test.incidents.timeline(id).count == 2)
        await test.close()
    }
}
