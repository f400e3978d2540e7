import Foundation
import IncidentAPI
import IncidentDomain
import Testing

/// `--retain-alert-payloads-days`: `Application.runRetention()` prunes old alert data by the injected clock and
/// keeps open incidents' alerts, recent data, every incident and every timeline event.
@Suite struct RetentionAPITests {
    static let day: TimeInterval = 86_400

    static func keepSevenDays(_ configuration: inout ApplicationConfiguration) {
        configuration.alertRetention = AlertRetention(days: 7)
    }

    /// An Alertmanager group of one alert per `(fingerprint, status)`.
    static func group(_ key: String, _ alerts: [(String, String)]) -> [String: Any] {
        let status = alerts.contains { $0.1 == "firing" } ? "firing" : "resolved"
        return AlertmanagerPayload.group(
            status: status,
            alerts: alerts.map { fingerprint, alertStatus in
                AlertmanagerPayload.alert(
                    alertStatus, instance: fingerprint, severity: "warning", fingerprint: fingerprint,
                    endsAt: alertStatus == "resolved" ? "2026-11-27T08:20:00.000Z" : "0001-01-01T00:00:00Z")
            },
            groupKey: key)
    }

    /// Sends `payload` and returns the id of the incident it opened or updated.
    static func send(_ app: TestApplication, _ path: String, _ payload: [String: Any]) async throws -> Int {
        let answer = try await app.request("POST", path, token: nil, json: payload)
        guard answer.status == 200 else { throw TestFailure("ingestion answered \(answer.status): \(answer.text)") }
        let outcomes = try answer.object()["alerts"] as? [[String: Any]] ?? []
        guard let id = outcomes.compactMap({ $0["incident_id"] as? Int }).first else {
            throw TestFailure("no incident in \(answer.text)")
        }
        return id
    }

    static func timelineCount(_ app: TestApplication, _ id: Int) async throws -> Int {
        try await app.request("GET", "/api/v1/incidents/\(id)/timeline?limit=100").items().count
    }

    @Test func pruningRemovesOldResolvedAlertsAndClosedPayloadsAndKeepsTheRest() async throws {
        try await TestApplication.with(configure: Self.keepSevenDays) { app in
            let key = try await app.createService("checkout")
            let path = "/api/v1/integrations/alertmanager/\(key)"

            // Open: one alert still firing, one resolved; both stay however old.
            let open = try await Self.send(app, path, Self.group("open", [("a1", "firing"), ("a2", "firing")]))
            _ = try await Self.send(app, path, Self.group("open", [("a1", "firing"), ("a2", "resolved")]))
            // Resolved by its sender: its resolved alert goes.
            let resolved = try await Self.send(app, path, Self.group("resolved", [("b1", "firing")]))
            _ = try await Self.send(app, path, Self.group("resolved", [("b1", "resolved")]))
            // Resolved and closed by hand while its alert still fires: the alert stays, its payload goes.
            let closed = try await Self.send(app, path, Self.group("closed", [("c1", "firing")]))
            try await app.expect(200, "POST", "/api/v1/incidents/\(closed)/resolve")
            try await app.expect(200, "POST", "/api/v1/incidents/\(closed)/close")

            app.clock.advance(by: 8 * Self.day)
            // Resolved recently: kept.
            let recent = try await Self.send(app, path, Self.group("recent", [("d1", "firing")]))
            _ = try await Self.send(app, path, Self.group("recent", [("d1", "resolved")]))

            let incidentsBefore = try await app.incidents().count
            var timelinesBefore: [Int: Int] = [:]
            for id in [open, resolved, closed, recent] {
                timelinesBefore[id] = try await Self.timelineCount(app, id)
            }

            let outcome = try await app.application.runRetention()
            #expect(outcome == RetentionOutcome(deletedAlerts: 1, clearedPayloads: 1))

            let openAlerts = try await app.alerts(of: open)
            #expect(Set(openAlerts.compactMap { $0["alert_key"] as? String }) == ["a1", "a2"])
            #expect(openAlerts.allSatisfy { ($0["labels"] as? [String: String])?["instance"] != nil })
            let resolvedAlerts = try await app.alerts(of: resolved)
            #expect(resolvedAlerts.isEmpty)
            let closedAlerts = try await app.alerts(of: closed)
            #expect(closedAlerts.count == 1)
            #expect(closedAlerts.first?["alert_key"] as? String == "c1")
            #expect((closedAlerts.first?["labels"] as? [String: String]) == [:])
            #expect((closedAlerts.first?["annotations"] as? [String: String]) == [:])
            let recentAlerts = try await app.alerts(of: recent)
            #expect(recentAlerts.count == 1)
            #expect((recentAlerts.first?["labels"] as? [String: String])?["instance"] == "d1")

            #expect(try await app.incidents().count == incidentsBefore)
            for (id, count) in timelinesBefore {
                let after = try await Self.timelineCount(app, id)
                #expect(after == count, "timeline of incident \(id)")
            }
            // A second pass finds nothing more.
            let again = try await app.application.runRetention()
            #expect(again.isEmpty)
        }
    }

    @Test func dataYoungerThanTheRetentionIsKept() async throws {
        try await TestApplication.with(configure: Self.keepSevenDays) { app in
            let key = try await app.createService("checkout")
            let path = "/api/v1/integrations/alertmanager/\(key)"
            let resolved = try await Self.send(app, path, Self.group("resolved", [("b1", "firing")]))
            _ = try await Self.send(app, path, Self.group("resolved", [("b1", "resolved")]))
            try await app.expect(200, "POST", "/api/v1/incidents/\(resolved)/close")

            app.clock.advance(by: 7 * Self.day - 60)
            let early = try await app.application.runRetention()
            #expect(early.isEmpty)
            #expect(try await app.alerts(of: resolved).count == 1)

            app.clock.advance(by: 120)
            let due = try await app.application.runRetention()
            #expect(due == RetentionOutcome(deletedAlerts: 1, clearedPayloads: 0))
            #expect(try await app.alerts(of: resolved).isEmpty)
        }
    }

    @Test func withoutARetentionNothingIsPruned() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("checkout")
            let path = "/api/v1/integrations/alertmanager/\(key)"
            let resolved = try await Self.send(app, path, Self.group("resolved", [("b1", "firing")]))
            _ = try await Self.send(app, path, Self.group("resolved", [("b1", "resolved")]))
            app.clock.advance(by: 3650 * Self.day)
            let outcome = try await app.application.runRetention()
            #expect(outcome.isEmpty)
            #expect(try await app.alerts(of: resolved).count == 1)
        }
    }

    @Test func retentionOfZeroDaysIsOffAndOneDayIsTheShortest() {
        #expect(AlertRetention(days: 0) == nil)
        #expect(AlertRetention(days: 1)?.days == 1)
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(AlertRetention(days: 1)?.cutoff(now: now) == now.addingTimeInterval(-86_400))
    }
}
