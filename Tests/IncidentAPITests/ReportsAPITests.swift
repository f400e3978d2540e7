import Foundation
import IncidentDomain
import Testing

@testable import IncidentAPI

/// `GET /api/v1/stats` and `GET /api/v1/reports/toil` over histories scripted with the injected clock.
@Suite struct ReportsAPITests {
    @Test func statsCountAndTimeTheResponse() async throws {
        try await TestApplication.with { app in
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "payments"])
            let start = app.clock.now()
            // #1 sev1 of payments: escalated after 1 min, acknowledged at 5, mitigated at 10, resolved at 20.
            let first = try await app.openIncident([
                "title": "Card declines", "severity": "sev1", "service": "payments",
            ])
            let id = first["id"] as! Int
            app.clock.advance(by: 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/escalate")
            app.clock.advance(by: 4 * 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/acknowledge")
            app.clock.advance(by: 5 * 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/mitigate")
            app.clock.advance(by: 10 * 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            // #2 sev3 of default: acknowledged after 2 min.
            let second = try await app.openIncident(["title": "Slow search"])
            app.clock.advance(by: 2 * 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(second["id"] as! Int)/acknowledge")

            let stats = try await app.expect(200, "GET", "/api/v1/stats")
            #expect(stats["incidents"] as? Int == 2)
            #expect((stats["by_status"] as? [String: Int])?["resolved"] == 1)
            #expect((stats["by_status"] as? [String: Int])?["acknowledged"] == 1)
            #expect((stats["by_status"] as? [String: Int])?["closed"] == 0)
            #expect(stats["by_severity"] as? [String: Int] == ["sev1": 1, "sev2": 0, "sev3": 1, "sev4": 0, "sev5": 0])
            // Acknowledge: 300 s and 120 s; mitigate: 600 s; resolve: 1200 s.
            #expect(
                stats["time_to_acknowledge"] as? [String: Double] == [
                    "count": 2, "mean_seconds": 210, "median_seconds": 210,
                ])
            #expect(
                stats["time_to_mitigate"] as? [String: Double] == [
                    "count": 1, "mean_seconds": 600, "median_seconds": 600,
                ])
            #expect(
                stats["time_to_resolve"] as? [String: Double] == [
                    "count": 1, "mean_seconds": 1200, "median_seconds": 1200,
                ])
            #expect(stats["escalations"] as? Int == 1)
            #expect(stats["escalations_per_incident"] as? Double == 0.5)
            let weeks = try #require(stats["per_service_per_week"] as? [[String: Any]])
            #expect(weeks.map { $0["service"] as? String } == ["default", "payments"])
            #expect(weeks.map { $0["incidents"] as? Int } == [1, 1])

            let sev1 = try await app.expect(200, "GET", "/api/v1/stats?severity=sev1,sev2")
            #expect(sev1["incidents"] as? Int == 1)
            let payments = try await app.expect(200, "GET", "/api/v1/stats?service=payments")
            #expect(payments["escalations_per_incident"] as? Double == 1)
            let until = Timestamp.format(start.addingTimeInterval(60))
            let early = try await app.expect(200, "GET", "/api/v1/stats?until=\(until)")
            #expect(early["incidents"] as? Int == 1)
            #expect(early["since"] as? String == Timestamp.format(start.addingTimeInterval(60 - 30 * 86_400)))

            let badTime = try await app.request("GET", "/api/v1/stats?since=yesterday")
            #expect(badTime.status == 400)
            let unknown = try await app.request("GET", "/api/v1/stats?service=nothing")
            #expect(unknown.status == 422)
            let badSeverity = try await app.request("GET", "/api/v1/stats?severity=sev9")
            #expect(badSeverity.status == 400)
            let noToken = try await app.request("GET", "/api/v1/stats", token: nil)
            #expect(noToken.status == 401)
        }
    }

    /// Generic alerts at a service whose policy pages alice (UTC, 09:00-18:00 Monday to Friday) first.
    /// The clock starts on Friday 2026-11-27 at 08:30 UTC, before her working hours.
    @Test func toilReportFindsTheNoisyAlert() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_768_200))
        try await TestApplication.with(clock: clock) { app in
            let receiver = try TestReceiver.start()
            try await app.setUpCheckoutPolicy(aliceWebhook: receiver.url())
            /// Sends an alert; a firing one's page goes out at once unless `deliver` is false.
            func alert(_ name: String, key: String, status: String = "firing", deliver: Bool = true) async throws -> Int
            {
                let answer = try await app.expect(
                    200, "POST", "/api/v1/integrations/generic",
                    json: [
                        "summary": "\(name) on db-1", "dedup_key": key, "status": status, "service": "checkout",
                        "labels": ["alertname": name],
                    ])
                if status == "firing" && deliver { _ = try await app.application.runDeliveries() }
                let outcomes = try #require(answer["alerts"] as? [[String: Any]])
                return outcomes.first?["incident_id"] as? Int ?? 0
            }
            // 08:30: DiskFull pages alice outside her hours and resolves 2 minutes later, unacknowledged.
            let flapped = try await alert("DiskFull", key: "disk-db-1")
            app.clock.advance(by: 120)
            _ = try await alert("DiskFull", key: "disk-db-1", status: "resolved")
            // 09:30: it fires again (a new incident, past the reopen window), alice acknowledges after 4 minutes.
            app.clock.advance(by: 58 * 60)
            let second = try await alert("DiskFull", key: "disk-db-1")
            #expect(second != flapped)
            app.clock.advance(by: 240)
            try await app.expect(200, "POST", "/api/v1/incidents/\(second)/acknowledge")
            // 10:30: CheckoutDown pages alice in her hours and stays open.
            app.clock.advance(by: 56 * 60)
            _ = try await alert("CheckoutDown", key: "checkout-down")
            // 10:31: Flicker fires and resolves before its page went out: the page is cancelled, nobody was paged.
            app.clock.advance(by: 60)
            _ = try await alert("Flicker", key: "flicker", deliver: false)
            _ = try await alert("Flicker", key: "flicker", status: "resolved")
            #expect(receiver.received.count == 3, "DiskFull twice and CheckoutDown once reached alice")

            let report = try await app.expect(200, "GET", "/api/v1/reports/toil")
            let items = try #require(report["items"] as? [[String: Any]])
            #expect(items.map { $0["alert_name"] as? String } == ["DiskFull", "CheckoutDown", "Flicker"])
            let disk = items[0]
            #expect(disk["source"] as? String == "generic")
            #expect(disk["pages"] as? Int == 2)
            #expect(disk["pages_outside_working_hours"] as? Int == 1)
            #expect(disk["incidents"] as? Int == 2)
            #expect(disk["acknowledged_share"] as? Double == 0.5)
            #expect(disk["resolved_unacknowledged_share"] as? Double == 0.5)
            #expect(disk["median_seconds_to_acknowledge"] as? Double == 240)
            let keys = try #require(disk["top_dedup_keys"] as? [[String: Any]])
            #expect(keys.map { $0["dedup_key"] as? String } == ["disk-db-1"])
            #expect(keys.first?["incidents"] as? Int == 2)
            let checkout = items[1]
            #expect(checkout["pages"] as? Int == 1)
            #expect(checkout["pages_outside_working_hours"] as? Int == 0)
            #expect(checkout["acknowledged_share"] as? Double == 0)
            #expect(checkout["median_seconds_to_acknowledge"] is NSNull)
            let flicker = items[2]
            #expect(flicker["pages"] as? Int == 0, "a cancelled page paged nobody")
            #expect(flicker["incidents"] as? Int == 1)

            let later = Timestamp.format(clock.now().addingTimeInterval(-30))
            let recent = try await app.expect(200, "GET", "/api/v1/reports/toil?since=\(later)")
            #expect((recent["items"] as? [[String: Any]])?.map { $0["alert_name"] as? String } == ["Flicker"])
            let unknown = try await app.request("GET", "/api/v1/reports/toil?until=now")
            #expect(unknown.status == 400)
            // Of one service: checkout's alerts only; another service has none of them.
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "search"])
            let ofCheckout = try await app.expect(200, "GET", "/api/v1/reports/toil?service=checkout")
            #expect((ofCheckout["items"] as? [[String: Any]])?.count == 3)
            let ofSearch = try await app.expect(200, "GET", "/api/v1/reports/toil?service=search")
            #expect((ofSearch["items"] as? [[String: Any]])?.isEmpty == true)
            let noSuch = try await app.request("GET", "/api/v1/reports/toil?service=chekout")
            #expect(noSuch.status == 422, "\(noSuch.text)")
            await receiver.stop()
        }
    }
}
