import Foundation
import SQLiteCore
import Testing

/// Real faults, not assumed ones: another process's connection holds the write lock on the very file the
/// server uses.
@Suite struct DatabaseFaultAPITests {
    @Test func writeLockHeldElsewhereIs503WithRetryAfterAndNotReadyThenRecovers() async throws {
        try await TestApplication.with { app in
            let databasePath = app.directory.appendingPathComponent("klaxon.db").path
            let intruder = try Connection(path: databasePath)
            try intruder.execute("BEGIN IMMEDIATE")

            let refused = try await app.request("POST", "/api/v1/incidents", json: ["title": "written while locked"])
            #expect(refused.status == 503)
            #expect(refused.headers["retry-after"] != nil)
            #expect(refused.headers["content-type"] == "application/problem+json")
            let notReady = try await app.request("GET", "/readyz", token: nil)
            #expect(notReady.status == 503)
            // Reads keep working while writes cannot (WAL readers do not need the write lock).
            let list = try await app.request("GET", "/api/v1/incidents")
            #expect(list.status == 200)

            try intruder.execute("ROLLBACK")
            intruder.close()
            let accepted = try await app.request("POST", "/api/v1/incidents", json: ["title": "written after"])
            #expect(accepted.status == 201)
            let ready = try await app.request("GET", "/readyz", token: nil)
            #expect(ready.status == 200)
            let titles = try await app.request("GET", "/api/v1/incidents").items().compactMap { $0["title"] as? String }
            #expect(titles == ["written after"], "nothing half-written while locked")
        }
    }
}
