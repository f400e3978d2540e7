import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

@Suite struct StorageFailureTests {
    @Test func aHealthyStoreIsReady() async throws {
        let test = try await TestStore.make()
        let readiness = await test.store.readiness()
        #expect(readiness.isReady)
        #expect(readiness.isWritable)
        #expect(readiness.pendingMigrations.isEmpty)
        #expect(try await test.count("SELECT beats FROM store_heartbeat") == 1)
        await test.close()
    }

    @Test func aFullDiskIsStorageUnavailableAndNothingIsHalfWritten() async throws {
        let test = try await TestStore.make()
        _ = try await test.incidents.create(try draft(), by: alice, at: t0)
        // Cap the file at its current size plus a few pages (max_page_count is per connection: the writer's).
        try await test.pool.writeWithoutTransaction { db in
            let pages = try db.queryValue("PRAGMA page_count", as: Int.self) ?? 0
            try db.executeScript("PRAGMA max_page_count = \(pages + 4)")
        }
        let summary = String(repeating: "x", count: 3000)
        var failure: (any Error)?
        for index in 0..<200 {
            do {
                _ = try await test.incidents.create(
                    try draft("Filler \(index)", summary: summary, labels: ["n": "\(index)"]), by: alice, at: at(Double(index)))
            } catch {
                failure = error
                break
            }
        }
        #expect((failure as? StorageUnavailable)?.reason == "disk full", "\(String(describing: failure))")
        let incidents = try await test.count("SELECT count(*) FROM incidents")
        #expect(incidents > 1)
        #expect(try await test.count("SELECT count(*) FROM timeline_events") == incidents)
        #expect(try await test.count("SELECT count(DISTINCT incident_id) FROM incident_labels") == incidents - 1)
        // Reads still work, and so do writes that need no new page.
        #expect(try await test.incidents.list(IncidentListQuery(limit: 500)).items.count == incidents)
        await test.close()
    }

    @Test func aReadOnlyDatabaseIsStorageUnavailableAndNotReady() async throws {
        let test = try await TestStore.make()
        let id = try await test.incidents.create(try draft(), by: alice, at: t0).incident.id
        var configuration = DatabasePool.Configuration()
        configuration.connection.accessMode = .readOnly
        configuration.readerCount = 1
        let readOnly = KlaxonStore(
            pool: try DatabasePool(path: test.path, configuration: configuration), secrets: test.store.secrets)
        #expect(try await readOnly.incidents.incident(id).id == id)
        await #expect(throws: StorageUnavailable(reason: "database is read-only")) {
            try await readOnly.incidents.create(try draft("Another"), by: alice, at: at(1))
        }
        await #expect(throws: StorageUnavailable(reason: "database is read-only")) {
            try await readOnly.incidents.perform(.acknowledge, on: id, by: alice, at: at(1))
        }
        let readiness = await readOnly.readiness()
        #expect(!readiness.isReady)
        #expect(!readiness.isWritable)
        #expect(readiness.problems.contains { $0.contains("read-only") }, "\(readiness.problems)")
        await readOnly.close()
        #expect(try await test.incidents.incident(id).status == .triggered)
        await test.close()
    }

    @Test func aClosedStoreIsStorageUnavailable() async throws {
        let test = try await TestStore.make()
        await test.close()
        await #expect(throws: StorageUnavailable.self) { try await test.incidents.incident(1) }
        #expect(await test.store.readiness().isReady == false)
    }
}
