import Foundation
import IncidentAPI
import Testing

/// The rate-limit row of issue 5's table: every receiver answers a sender over its limit in that sender's
/// retry language, stores nothing, and admits it again once the bucket refilled (driven by the test clock).
@Suite struct IngestionRateLimitAPITests {
    /// Two requests at once, then one per second.
    static func tightLimit(_ configuration: inout ApplicationConfiguration) {
        configuration.ingestionRateLimit = IngestionRateLimit(requestsPerSecond: 1, burst: 2)
    }

    static var generic: [String: Any] { ["summary": "Disk almost full", "dedup_key": "disk"] }

    @Test func groupReceiversAnswer503WithRetryAfterNever429() async throws {
        try await TestApplication.with(configure: Self.tightLimit) { app in
            let key = try await app.createService("checkout")
            for receiver in ["alertmanager", "grafana", "generic"] {
                var payload: [String: Any] = receiver == "generic" ? Self.generic : AlertmanagerIngestionAPITests.firing
                if receiver == "grafana" { payload["version"] = "1" }
                let path = "/api/v1/integrations/\(receiver)/\(key)"
                // The bucket is per credential, not per receiver: the burst of 2 is spent by the first receiver.
                if receiver == "alertmanager" {
                    for _ in 0..<2 {
                        let admitted = try await app.request("POST", path, token: nil, json: payload)
                        #expect(admitted.status == 200, "\(admitted.text)")
                    }
                }
                let limited = try await app.request("POST", path, token: nil, json: payload)
                #expect(limited.status == 503, "\(receiver): \(limited.text)")
                #expect(limited.headers["retry-after"] == "1")
                #expect(limited.headers["content-type"] == "application/problem+json")
                #expect(try limited.object()["type"] as? String == "https://klaxon.dev/problems/rate-limited")
            }
            #expect(try await app.incidents().count == 1)  // the two admitted re-sends are one incident

            app.clock.advance(by: 1)
            let later = try await app.request(
                "POST", "/api/v1/integrations/generic/\(key)", token: nil, json: Self.generic)
            #expect(later.status == 200, "\(later.text)")
            #expect(try await app.incidents().count == 2)
        }
    }

    @Test func tokensAndIntegrationKeysHaveSeparateBuckets() async throws {
        try await TestApplication.with(configure: Self.tightLimit) { app in
            let key = try await app.createService("checkout")
            let ingest = try await app.createToken(name: "prometheus", scope: "ingest")
            for _ in 0..<2 {
                #expect(
                    try await app.request(
                        "POST", "/api/v1/integrations/generic/\(key)", token: nil, json: Self.generic
                    ).status == 200)
            }
            #expect(
                try await app.request("POST", "/api/v1/integrations/generic/\(key)", token: nil, json: Self.generic)
                    .status == 503)
            let byToken = try await app.request(
                "POST", "/api/v1/integrations/generic", token: ingest, json: Self.generic)
            #expect(byToken.status == 200, "\(byToken.text)")
        }
    }

    @Test func pagerDutyAnswers429InItsOwnShape() async throws {
        try await TestApplication.with(configure: Self.tightLimit) { app in
            let key = try await app.createService("storage")
            for _ in 0..<2 {
                let admitted = try await app.request(
                    "POST", "/v2/enqueue", token: nil, json: PagerDutyIngestionAPITests.event("trigger", key: key))
                #expect(admitted.status == 202)
            }
            let limited = try await app.request(
                "POST", "/v2/enqueue", token: nil, json: PagerDutyIngestionAPITests.event("resolve", key: key))
            #expect(limited.status == 429)
            #expect(limited.headers["retry-after"] == "1")
            let body = try limited.object()
            #expect(body["status"] as? String == "throttle exceeded")
            #expect((body["message"] as? String)?.contains("retry later") == true)
            // Nothing was resolved: the throttled event was not applied.
            #expect(try await app.incidents().first?["status"] as? String == "triggered")
            app.clock.advance(by: 1)
            #expect(
                try await app.request(
                    "POST", "/v2/enqueue", token: nil, json: PagerDutyIngestionAPITests.event("resolve", key: key)
                ).status == 202)
            #expect(try await app.incidents().first?["status"] as? String == "resolved")
        }
    }

    @Test func opsgenieAnswers429() async throws {
        try await TestApplication.with(configure: Self.tightLimit) { app in
            let key = try await app.createService("payments")
            let alert: [String: Any] = ["message": "Payment errors above 1%", "alias": "payment-errors"]
            for _ in 0..<2 {
                #expect(
                    try await app.request("POST", "/v2/alerts", token: nil, json: alert, headers: ["Authorization": "GenieKey \(key)"])
                        .status == 202)
            }
            let limited = try await app.request(
                "POST", "/v2/alerts", token: nil, json: alert, headers: ["Authorization": "GenieKey \(key)"])
            #expect(limited.status == 429)
            #expect(limited.headers["retry-after"] == "1")
            let body = try limited.object()
            #expect(body["requestId"] is String)
            #expect(body["took"] != nil)
        }
    }

    @Test func noLimitWhenTurnedOff() async throws {
        try await TestApplication.with(configure: { $0.ingestionRateLimit = nil }) { app in
            let key = try await app.createService("checkout")
            for _ in 0..<30 {
                let answer = try await app.request(
                    "POST", "/api/v1/integrations/generic/\(key)", token: nil, json: Self.generic)
                #expect(answer.status == 200)
            }
        }
    }
}
