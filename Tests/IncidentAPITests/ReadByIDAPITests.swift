import Foundation
import Testing

/// `GET /api/v1/incidents/{id}` takes one of two routes: in a task while the token must be looked up, handed
/// to a database reader from the event loop once the token is cached. Both must answer alike.
@Suite struct ReadByIDAPITests {
    @Test func theFirstAndTheCachedTokensReadsAnswerAlike() async throws {
        try await TestApplication.with { app in
            let opened = try await app.openIncident(["title": "Queue backlog", "labels": ["team": "infra"]])
            let id = try #require(opened["id"] as? Int)
            let secret = try await app.createToken(name: "reader", scope: "read")
            // The first request looks the new token up (task); the next ones find it cached (hand-off).
            var answers: [TestResponse] = []
            for _ in 0..<3 {
                answers.append(try await app.request("GET", "/api/v1/incidents/\(id)", token: secret))
            }
            for answer in answers {
                #expect(answer.status == 200)
                #expect(answer.headers["etag"] == "\"1\"")
                #expect(answer.headers["content-type"] == "application/json")
                #expect(answer.body == answers[0].body)
            }
            #expect(try answers[0].object()["title"] as? String == "Queue backlog")

            let missing = try await app.request("GET", "/api/v1/incidents/999999", token: secret)
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "application/problem+json")
            let notANumber = try await app.request("GET", "/api/v1/incidents/abc", token: secret)
            #expect(notANumber.status == 400)
        }
    }

    @Test func aCachedTokenSeesEveryAcknowledgedWriteAndLosesAccessWhenRevoked() async throws {
        try await TestApplication.with { app in
            let opened = try await app.openIncident(["title": "Disk latency"])
            let id = try #require(opened["id"] as? Int)
            let secret = try await app.createToken(name: "watcher", scope: "read")
            let before = try await app.request("GET", "/api/v1/incidents/\(id)", token: secret)
            #expect(try before.object()["status"] as? String == "triggered")
            for action in ["acknowledge", "mitigate", "resolve"] {
                let changed = try await app.request("POST", "/api/v1/incidents/\(id)/\(action)")
                #expect(changed.status == 200)
                let read = try await app.request("GET", "/api/v1/incidents/\(id)", token: secret)
                let readStatus = try read.object()["status"] as? String
                let changedStatus = try changed.object()["status"] as? String
                #expect(readStatus == changedStatus)
                #expect(read.headers["etag"] == changed.headers["etag"])
            }
            let revoked = try await app.request("DELETE", "/api/v1/tokens/watcher")
            #expect(revoked.status == 204)
            let refused = try await app.request("GET", "/api/v1/incidents/\(id)", token: secret)
            #expect(refused.status == 401)
        }
    }
}
