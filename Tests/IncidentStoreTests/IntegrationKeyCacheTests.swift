import Foundation
import IncidentDomain
import SQLiteCore
import Testing

@testable import IncidentStore

@Suite struct IntegrationKeyCacheTests {
    static let service = Service(id: ServiceID(7), name: "checkout", integrationKeyPrefix: "klx_abcd", createdAt: t0)

    @Test func aLookupIsRememberedUntilInvalidated() {
        let cache = IntegrationKeyCache()
        let miss = cache.lookup("hash")
        #expect(miss.service == nil)
        cache.remember(Self.service, forHash: "hash", readAt: miss.generation)
        #expect(cache.lookup("hash").service == Self.service)
        cache.invalidate()
        #expect(cache.lookup("hash").service == nil)
    }

    @Test func aReadThatRacedWithAnInvalidationIsNotRemembered() {
        let cache = IntegrationKeyCache()
        let before = cache.lookup("hash")
        cache.invalidate()  // a rotation committed while the read was in flight
        cache.remember(Self.service, forHash: "hash", readAt: before.generation)
        #expect(cache.lookup("hash").service == nil)
    }

    @Test func entriesExpire() {
        let cache = IntegrationKeyCache(timeToLive: .zero)
        cache.remember(Self.service, forHash: "hash", readAt: cache.lookup("hash").generation)
        #expect(cache.lookup("hash").service == nil)
    }

    @Test func renamingRotatingAndDeletingThroughTheStoreEmptyTheCache() async throws {
        let test = try await TestStore.make()
        let services = test.store.services
        let key = integrationKey("k")
        _ = try await services.create(try serviceDraft("checkout"), integrationKey: key, at: t0)
        #expect(try await services.service(integrationKey: key)?.name == "checkout")
        _ = try await test.store.escalationPolicies.updateService(
            .name("checkout"), try ServicePatch(name: "payments").validate(), policy: nil, at: at(1))
        #expect(try await services.service(integrationKey: key)?.name == "payments")
        _ = try await services.update(.name("payments"), try ServicePatch(name: "billing").validate(), at: at(2))
        #expect(try await services.service(integrationKey: key)?.name == "billing")
        let newKey = integrationKey("n")
        _ = try await services.rotateKey(.name("billing"), newKey: newKey, at: at(3))
        #expect(try await services.service(integrationKey: key) == nil)
        #expect(try await services.service(integrationKey: newKey)?.name == "billing")
        try await services.delete(.name("billing"))
        #expect(try await services.service(integrationKey: newKey) == nil)
        await test.close()
    }
}
