import Foundation
import Testing

@testable import IncidentAPI

/// Storage that cannot write is the one failure senders must retry: 503 with `Retry-After` in every format.
@Suite struct IngestionStorageFailureAPITests {
    @Test func fullDiskIs503WithRetryAfterForEverySender() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("storage")
            // Cap the file a few pages above its size (max_page_count is per connection: the writer's).
            try await app.application.store.pool.writeWithoutTransaction { db in
                let pages = try db.queryValue("PRAGMA page_count", as: Int.self) ?? 0
                try db.executeScript("PRAGMA max_page_count = \(pages + 2)")
            }
            let big = String(repeating: "x", count: 200_000)
            var alert = AlertmanagerPayload.alert(
                "firing", instance: "a", severity: "critical", fingerprint: "aaaa000000000001")
            alert["annotations"] = ["summary": "Checkout latency above 2s", "runbook": big]
            let payload = AlertmanagerPayload.group(status: "firing", alerts: [alert])
            let alertmanager = try await app.request(
                "POST", "/api/v1/integrations/alertmanager/\(key)", token: nil, json: payload)
            #expect(alertmanager.status == 503)
            #expect(alertmanager.headers["retry-after"] != nil)
            #expect(alertmanager.headers["content-type"] == "application/problem+json")

            var event = PagerDutyIngestionAPITests.event("trigger", key: key)
            event["payload"] = [
                "summary": "Disk full", "source": "srv01", "severity": "critical", "custom_details": ["log": big],
            ]
            let pagerDuty = try await app.request("POST", "/v2/enqueue", token: nil, json: event)
            #expect(pagerDuty.status == 503)
            #expect(pagerDuty.headers["retry-after"] != nil)
            #expect(pagerDuty.headers["content-type"] == "application/json")
            #expect(try pagerDuty.object()["status"] as? String == "unavailable")

            let opsgenie = try await app.request(
                "POST", "/v2/alerts", token: nil, json: ["message": "Web down", "details": ["log": big]],
                headers: ["Authorization": "GenieKey \(key)"])
            #expect(opsgenie.status == 503)
            #expect(opsgenie.headers["retry-after"] != nil)
            #expect(try opsgenie.object()["requestId"] is String)
            // Nothing was half-written: no incident, no alert row.
            #expect(try await app.incidents().isEmpty)
            // The readiness check's own write is a rewrite in place, which still fits: it must not say ready.
            let readiness = try await app.request("GET", "/readyz", token: nil)
            #expect(readiness.status == 503)
            #expect(readiness.text.contains("disk full"), "\(readiness.text)")
        }
    }
}
