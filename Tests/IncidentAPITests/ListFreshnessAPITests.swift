import Foundation
import Testing

/// List answers come from a page cache (served on the event loop when it holds them): no answer may ever be
/// older than a write that was acknowledged before the request was sent.
@Suite struct ListFreshnessAPITests {
    @Test func everyAcknowledgedWriteShowsInTheNextListAnswer() async throws {
        try await TestApplication.with { app in
            let path = "/api/v1/incidents?status=open&severity=sev1"
            let empty = try await app.request("GET", path)
            #expect(try empty.items().isEmpty)
            var ids: [Int] = []
            for round in 0..<6 {
                let created = try await app.request(
                    "POST", "/api/v1/incidents", json: ["title": "Outage \(round)", "severity": "sev1"])
                #expect(created.status == 201)
                ids.insert(try #require(try created.object()["id"] as? Int), at: 0)
                app.clock.advance(by: 1)
                // Asked twice: the second answer may come from the cache, and must be as fresh as the first.
                for _ in 0..<2 {
                    let listed = try await app.request("GET", path)
                    #expect(try listed.items().compactMap { $0["id"] as? Int } == ids)
                }
            }

            // A change of status, a change of severity and a note, each visible at once.
            let first = ids[0]
            let acknowledged = try await app.request("POST", "/api/v1/incidents/\(first)/acknowledge")
            #expect(acknowledged.status == 200)
            let afterAcknowledge = try await app.request("GET", path)
            let listed = try #require(try afterAcknowledge.items().first { $0["id"] as? Int == first })
            #expect(listed["status"] as? String == "acknowledged")

            let patched = try await app.request(
                "PATCH", "/api/v1/incidents/\(first)", json: ["severity": "sev2", "title": "Renamed"])
            #expect(patched.status == 200)
            let afterPatch = try await app.request("GET", path)
            #expect(try afterPatch.items().compactMap { $0["id"] as? Int } == Array(ids.dropFirst()))

            let resolved = try await app.request("POST", "/api/v1/incidents/\(ids[1])/resolve")
            #expect(resolved.status == 200)
            let afterResolve = try await app.request("GET", path)
            #expect(try afterResolve.items().compactMap { $0["id"] as? Int } == Array(ids.dropFirst(2)))
        }
    }

    @Test func readsByIDAreFreshAfterEveryWrite() async throws {
        try await TestApplication.with { app in
            let id = try await app.openIncident(["title": "Queue backlog"])["id"] as! Int
            for version in 2...5 {
                let edited = try await app.request(
                    "PATCH", "/api/v1/incidents/\(id)", json: ["summary": "step \(version)"])
                #expect(edited.status == 200)
                let read = try await app.request("GET", "/api/v1/incidents/\(id)")
                #expect(try read.object()["summary"] as? String == "step \(version)")
                #expect(read.headers["etag"] == "\"\(version)\"")
            }
            let missing = try await app.request("GET", "/api/v1/incidents/999999")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "application/problem+json")
        }
    }

    @Test func concurrentWritersAreAllListedOnceAcknowledged() async throws {
        try await TestApplication.with { app in
            let path = "/api/v1/incidents?status=triggered&limit=100"
            // Each writer lists right after each of its creates returned, while others write and read.
            let missing = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var missing = 0
                        for round in 0..<5 {
                            let created = try await app.request(
                                "POST", "/api/v1/incidents", json: ["title": "Writer \(writer) round \(round)"])
                            let id = try created.object()["id"] as? Int ?? -1
                            let listed = try await app.request("GET", path)
                            let items = try listed.items()
                            if !items.contains(where: { $0["id"] as? Int == id }) { missing += 1 }
                        }
                        return missing
                    }
                    group.addTask {
                        var failed = 0
                        for _ in 0..<10 {
                            let listed = try await app.request("GET", path)
                            if listed.status != 200 { failed += 1 }
                        }
                        return failed
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(missing == 0)
            let all = try await app.request("GET", path)
            let items = try all.items()
            #expect(items.count == 20)
        }
    }
}
