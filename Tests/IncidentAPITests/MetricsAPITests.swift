import Foundation
import HTTPCore
import Testing

@testable import IncidentAPI

/// `GET /metrics`: who may scrape it, and what it says (the real Prometheus parser reads it in
/// `Tests/peers/prometheus_metrics.py`).
@Suite struct MetricsAPITests {
    /// The sample lines of a scrape, without comments.
    func samples(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    @Test func metricsNeedAReadTokenUnlessPublic() async throws {
        try await TestApplication.with { app in
            let anonymous = try await app.request("GET", "/metrics", token: nil)
            #expect(anonymous.status == 401)
            // A scrape without a token is most often a Prometheus not yet given one: the answer says both ways.
            #expect(anonymous.text.contains("--metrics-public"), "\(anonymous.text)")
            let reader = try await app.createToken(name: "prometheus", scope: "read")
            let scraped = try await app.request("GET", "/metrics", token: reader)
            #expect(scraped.status == 200)
            #expect(scraped.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        }
        let anonymous = try await TestApplication.with(
            configure: { $0.metricsPublic = true },
            { app in try await app.request("GET", "/metrics", token: nil) })
        #expect(anonymous.status == 200)
        #expect(anonymous.text.contains("# TYPE klaxon_incidents_created_total counter\n"))
    }

    @Test func metricsCountIncidentsRequestsAndTheDatabase() async throws {
        try await TestApplication.with { app in
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "payments"])
            let first = try await app.openIncident([
                "title": "Card declines", "severity": "sev1", "service": "payments",
            ])
            _ = try await app.openIncident(["title": "Slow search", "severity": "sev2"])
            app.clock.advance(by: 90)
            try await app.expect(200, "POST", "/api/v1/incidents/\(first["id"] as! Int)/acknowledge")
            app.clock.advance(by: 30)
            try await app.expect(200, "POST", "/api/v1/incidents/\(first["id"] as! Int)/resolve")
            _ = try await app.request("GET", "/api/v1/integrations/alertmanager/secret-integration-key-in-the-path")

            let text = try await app.request("GET", "/metrics").text
            let lines = samples(text)
            #expect(lines.contains(#"klaxon_open_incidents{severity="sev2",service="default"} 1"#))
            #expect(!lines.contains { $0.hasPrefix(#"klaxon_open_incidents{severity="sev1""#) })
            #expect(lines.contains("klaxon_incidents_created_total 2"))
            #expect(lines.contains("klaxon_incidents_acknowledged_total 1"))
            #expect(lines.contains("klaxon_incidents_resolved_total 1"))
            #expect(lines.contains(#"klaxon_time_to_acknowledge_seconds_bucket{le="60"} 0"#))
            #expect(lines.contains(#"klaxon_time_to_acknowledge_seconds_bucket{le="120"} 1"#))
            #expect(lines.contains("klaxon_time_to_acknowledge_seconds_sum 90"))
            #expect(lines.contains("klaxon_time_to_resolve_seconds_sum 120"))
            #expect(
                lines.contains(#"klaxon_http_requests_total{route="/api/v1/incidents",method="POST",status="201"} 2"#))
            #expect(
                lines.contains {
                    $0.hasPrefix(
                        #"klaxon_http_request_duration_seconds_count{route="/api/v1/incidents",method="POST"} "#)
                })
            #expect(!text.contains("secret-integration-key"))
            #expect(
                lines.contains { $0.hasPrefix("klaxon_sqlite_write_duration_seconds_count ") && !$0.hasSuffix(" 0") })
            func value(_ name: String) -> Double? {
                lines.first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
            }
            let reads = try #require(value("klaxon_sqlite_reads_total"))
            let readTransactions = try #require(value("klaxon_sqlite_read_transactions_total"))
            #expect(reads > 0 && readTransactions > 0 && readTransactions <= reads)
            #expect(value("klaxon_sqlite_writes_rerun_total") == 0)
            let size = lines.first { $0.hasPrefix("klaxon_database_size_bytes ") }.flatMap {
                Double($0.split(separator: " ")[1])
            }
            #expect(size ?? 0 > 0)
            #expect(lines.contains("klaxon_outbox_lag_seconds 0"))
        }
    }

    @Test func outboxLagIsTheAgeOfTheOldestDueMessage() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            let before = samples(try await app.request("GET", "/metrics").text)
            #expect(before.contains("klaxon_notifications_pending 0"))
            #expect(before.contains("klaxon_outbox_lag_seconds 0"))
            // Level 0 pages alice (one webhook) at once; nothing delivers it here.
            _ = try await app.openIncident(["title": "Checkout down", "severity": "sev1", "service": "checkout"])
            app.clock.advance(by: 42)
            let after = samples(try await app.request("GET", "/metrics").text)
            #expect(after.contains("klaxon_notifications_pending 1"))
            #expect(after.contains("klaxon_notifications_delivered_total 0"))
            #expect(after.contains("klaxon_outbox_lag_seconds 42"))
        }
    }

    @Test func escalationLagIsTheAgeOfTheOldestTimerThatRanOut() async throws {
        // The background engine polls once an hour here, as if it had fallen behind.
        try await TestApplication.with(configure: { $0.escalationPollInterval = .seconds(3600) }) { app in
            try await app.setUpCheckoutPolicy()
            _ = try await app.openIncident(["title": "Checkout down", "severity": "sev1", "service": "checkout"])
            let running = samples(try await app.request("GET", "/metrics").text)
            #expect(running.contains("klaxon_escalation_timers_due 0"))
            #expect(running.contains("klaxon_escalation_lag_seconds 0"))
            app.clock.advance(by: 300 + 17)  // the policy's first delay is 5 minutes
            let late = samples(try await app.request("GET", "/metrics").text)
            #expect(late.contains("klaxon_escalation_timers_due 1"))
            #expect(late.contains("klaxon_escalation_lag_seconds 17"))
            try await app.application.runEscalations()
            let caughtUp = samples(try await app.request("GET", "/metrics").text)
            #expect(caughtUp.contains("klaxon_escalation_timers_due 0"))
        }
    }

    @Test func requestSeriesStayBoundedWhateverClientsSend() {
        let metrics = HTTPMetrics()
        for method in ["GET", "BREW", "WHEN"] {
            metrics.record(
                route: nil, method: HTTPMethod(rawValue: method), status: HTTPStatus(code: 404),
                duration: .milliseconds(2))
        }
        let requests = metrics.snapshot().requests.map { "\($0.0.route) \($0.0.method) \($0.0.status) \($0.1)" }
        #expect(requests == ["unmatched GET 404 1", "unmatched other 404 2"])
    }

    @Test func labelValuesAreEscaped() {
        var text = PrometheusText()
        text.sample("klaxon_x", [("route", "a\\b\"c\nd")], 1.5)
        #expect(text.text == "klaxon_x{route=\"a\\\\b\\\"c\\nd\"} 1.5\n")
        #expect(PrometheusText.format(3) == "3")
        #expect(PrometheusText.format(0.0005) == "0.0005")
    }
}
