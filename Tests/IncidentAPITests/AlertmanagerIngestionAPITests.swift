import Foundation
import IncidentDomain
import Testing

/// Alertmanager, Grafana and generic receivers end to end: the real application, real sockets, a real SQLite file.
@Suite struct AlertmanagerIngestionAPITests {
    /// One firing alert (critical) and one resolved alert (warning) of the group.
    static var firing: [String: Any] {
        AlertmanagerPayload.group(
            status: "firing",
            alerts: [
                AlertmanagerPayload.alert(
                    "firing", instance: "a", severity: "critical", fingerprint: "aaaa000000000001"),
                AlertmanagerPayload.alert(
                    "resolved", instance: "b", severity: "warning", fingerprint: "aaaa000000000002",
                    endsAt: "2026-11-27T08:05:00.000Z"),
            ])
    }

    /// Both alerts of the group resolved.
    static var resolved: [String: Any] {
        AlertmanagerPayload.group(
            status: "resolved",
            alerts: [
                AlertmanagerPayload.alert(
                    "resolved", instance: "a", severity: "critical", fingerprint: "aaaa000000000001",
                    endsAt: "2026-11-27T08:20:00.000Z"),
                AlertmanagerPayload.alert(
                    "resolved", instance: "b", severity: "warning", fingerprint: "aaaa000000000002",
                    endsAt: "2026-11-27T08:05:00.000Z"),
            ])
    }

    @Test func groupOpensOneIncidentAndResendsDoNotDuplicate() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("checkout")
            let ingest = try await app.createToken(name: "am", scope: "ingest")
            let first = try await app.request(
                "POST", "/api/v1/integrations/alertmanager", token: ingest, json: Self.firing)
            #expect(first.status == 200, "\(first.text)")
            let outcomes = try first.object()["alerts"] as? [[String: Any]] ?? []
            #expect(outcomes.map { $0["outcome"] as? String } == ["created", "ignored"])

            for _ in 0..<3 {
                app.clock.advance(by: 30)
                let again = try await app.request(
                    "POST", "/api/v1/integrations/alertmanager", token: ingest, json: Self.firing)
                #expect(again.status == 200)
            }
            let incidents = try await app.incidents()
            #expect(incidents.count == 1)
            let incident = try #require(incidents.first)
            #expect(incident["title"] as? String == "Checkout latency above 2s")
            #expect(incident["severity"] as? String == "sev1")
            #expect(incident["status"] as? String == "triggered")
            #expect(incident["labels"] as? [String: String] == ["alertname": "HighLatency", "service": "checkout"])
            #expect((incident["service"] as? [String: Any])?["name"] as? String == "checkout")
            #expect(incident["dedup_key"] as? String == #"{}:{alertname="HighLatency"}"#)

            let id = try #require(incident["id"] as? Int)
            let alerts = try await app.alerts(of: id)
            #expect(alerts.count == 2)
            let firingAlert = try #require(alerts.first { $0["alert_key"] as? String == "aaaa000000000001" })
            #expect(firingAlert["status"] as? String == "firing")
            #expect(firingAlert["times_seen"] as? Int == 4)
            #expect(firingAlert["source"] as? String == "alertmanager")
            #expect((firingAlert["labels"] as? [String: String])?["instance"] == "a")
            // One `alert_received` for the new alert, none for the re-sends.
            let kinds = try await app.timelineKinds(of: id)
            #expect(kinds == ["created", "alert_received"])
            let timeline = try await app.request("GET", "/api/v1/incidents/\(id)/timeline").items()
            #expect(timeline.first?["actor"] as? String == "alertmanager")
            #expect(timeline.first?["actor_kind"] as? String == "integration")
        }
    }

    @Test func resolvedGroupResolvesTheIncidentAndFiringAgainReopensIt() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("checkout")
            let path = "/api/v1/integrations/alertmanager/\(key)"
            #expect(try await app.request("POST", path, token: nil, json: Self.firing).status == 200)
            app.clock.advance(by: 60)
            let resolve = try await app.request("POST", path, token: nil, json: Self.resolved)
            #expect(resolve.status == 200, "\(resolve.text)")
            let outcomes = try resolve.object()["alerts"] as? [[String: Any]] ?? []
            #expect(outcomes.first?["outcome"] as? String == "resolved")
            let id = try #require(try await app.incidents().first?["id"] as? Int)
            #expect(try await app.incident(id)["status"] as? String == "resolved")
            // Alertmanager re-sends the resolved group: nothing changes.
            #expect(try await app.request("POST", path, token: nil, json: Self.resolved).status == 200)

            app.clock.advance(by: 120)
            let again = try await app.request("POST", path, token: nil, json: Self.firing)
            #expect((try again.object()["alerts"] as? [[String: Any]])?.first?["outcome"] as? String == "reopened")
            #expect(try await app.incidents().count == 1)
            #expect(try await app.incident(id)["status"] as? String == "triggered")
            let kinds = try await app.timelineKinds(of: id)
            #expect(kinds.suffix(2) == ["alert_received", "reopened"])
        }
    }

    @Test func integrationKeyRoutesToItsServiceWithoutAToken() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("payments")
            var payload = Self.firing
            payload["commonLabels"] = ["alertname": "HighLatency"]
            let answer = try await app.request(
                "POST", "/api/v1/integrations/alertmanager/\(key)", token: nil, json: payload)
            #expect(answer.status == 200)
            let incident = try #require(try await app.incidents().first)
            #expect((incident["service"] as? [String: Any])?["name"] as? String == "payments")
        }
    }

    @Test func tokenRoutingFallsBackToDefaultForAnUnknownService() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request("POST", "/api/v1/integrations/alertmanager", json: Self.firing)
            #expect(answer.status == 200)
            let incident = try #require(try await app.incidents().first)
            #expect((incident["service"] as? [String: Any])?["name"] as? String == "default")
        }
    }

    @Test func authFailuresAreAnsweredAsProblems() async throws {
        try await TestApplication.with { app in
            let none = try await app.request("POST", "/api/v1/integrations/alertmanager", token: nil, json: Self.firing)
            #expect(none.status == 401)
            #expect(none.headers["content-type"] == "application/problem+json")
            let reader = try await app.createToken(name: "reader", scope: "read")
            let read = try await app.request(
                "POST", "/api/v1/integrations/alertmanager", token: reader, json: Self.firing)
            #expect(read.status == 403)
            let writer = try await app.createToken(name: "writer", scope: "write")
            let write = try await app.request(
                "POST", "/api/v1/integrations/generic", token: writer, json: ["summary": "x"])
            #expect(write.status == 403)
            let unknown = try await app.request(
                "POST", "/api/v1/integrations/alertmanager/not-a-key-0123456789abcdefghijklmnopqrstuv", token: nil,
                json: Self.firing)
            #expect(unknown.status == 404)
            #expect(try unknown.object()["type"] as? String == "https://klaxon.dev/problems/unknown-integration-key")
            #expect(try await app.incidents().isEmpty)
        }
    }

    @Test func malformedPayloadsAre400NamingTheField() async throws {
        try await TestApplication.with { app in
            var wrongVersion = Self.firing
            wrongVersion["version"] = "3"
            let answer = try await app.request("POST", "/api/v1/integrations/alertmanager", json: wrongVersion)
            #expect(answer.status == 400)
            #expect(answer.headers["content-type"] == "application/problem+json")
            let errors = try answer.object()["errors"] as? [[String: Any]] ?? []
            #expect(errors.first?["field"] as? String == "version")

            let notJSON = try await app.request("POST", "/api/v1/integrations/grafana", rawBody: "{not json")
            #expect(notJSON.status == 400)
            let generic = try await app.request("POST", "/api/v1/integrations/generic", json: ["severity": "loud"])
            #expect(generic.status == 400)
            let fields = (try generic.object()["errors"] as? [[String: Any]] ?? []).compactMap {
                $0["field"] as? String
            }
            #expect(Set(fields) == ["summary", "severity"])
            #expect(try await app.incidents().isEmpty)
        }
    }

    @Test func grafanaPayloadOpensAnIncident() async throws {
        try await TestApplication.with { app in
            var payload = Self.firing
            payload["version"] = "1"
            payload["orgId"] = 1
            payload["title"] = "[FIRING:1] HighLatency"
            payload["state"] = "alerting"
            let answer = try await app.request("POST", "/api/v1/integrations/grafana", json: payload)
            #expect(answer.status == 200, "\(answer.text)")
            let incident = try #require(try await app.incidents().first)
            #expect(incident["title"] as? String == "Checkout latency above 2s")
            let id = try #require(incident["id"] as? Int)
            #expect(try await app.alerts(of: id).first?["source"] as? String == "grafana")
        }
    }

    @Test func genericAlertFiresAndResolves() async throws {
        try await TestApplication.with { app in
            let ingest = try await app.createToken(name: "script", scope: "ingest")
            let alert: [String: Any] = [
                "summary": "Disk almost full on db-1", "severity": "error", "dedup_key": "disk-db-1",
                "labels": ["host": "db-1"], "details": ["used": 0.93],
            ]
            let fire = try await app.request("POST", "/api/v1/integrations/generic", token: ingest, json: alert)
            #expect(fire.status == 200)
            #expect(
                try await app.request("POST", "/api/v1/integrations/generic", token: ingest, json: alert).status == 200)
            let incident = try #require(try await app.incidents().first)
            #expect(try await app.incidents().count == 1)
            #expect(incident["severity"] as? String == "sev2")
            #expect(incident["labels"] as? [String: String] == ["host": "db-1"])
            var resolved = alert
            resolved["status"] = "resolved"
            #expect(
                try await app.request("POST", "/api/v1/integrations/generic", token: ingest, json: resolved).status
                    == 200)
            let id = try #require(incident["id"] as? Int)
            #expect(try await app.incident(id)["status"] as? String == "resolved")
        }
    }

    @Test func aGenericAlertWithAMistypedFieldIs400NamingItAndOpensNothing() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request(
                "POST", "/api/v1/integrations/generic",
                json: ["summary": "DB down", "severty": "critical", "servce": "payments", "dedup_key": "db"])
            #expect(answer.status == 400)
            let fields = (try answer.object()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields == ["servce", "severty"])
            let messages = (try answer.object()["errors"] as? [[String: Any]] ?? []).compactMap {
                $0["message"] as? String
            }
            #expect(messages.contains { $0.contains("did you mean \"severity\"") })
            #expect(try await app.incidents().isEmpty)
            // Case and separators do not make a field unknown either: `Dedup-Key` means dedup_key.
            let recased = try await app.request(
                "POST", "/api/v1/integrations/generic", json: ["summary": "DB down", "Dedup-Key": "db"])
            #expect(recased.status == 400)
        }
    }

    /// A token-routed alert naming a service that does not exist still lands (on `default`), and the answer says so.
    @Test func aMistypedServiceNameGoesToDefaultWithAWarning() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("checkout")
            let ingest = try await app.createToken(name: "script", scope: "ingest")
            let typo = try await app.request(
                "POST", "/api/v1/integrations/generic", token: ingest,
                json: ["summary": "Checkout down", "service": "chekout", "dedup_key": "co"])
            #expect(typo.status == 200, "\(typo.text)")
            #expect(
                try typo.object()["warnings"] as? [String] == [
                    #"service "chekout" names no service here; the alerts went to the "default" service (create the service, or correct the name the sender gives). Did you mean "checkout"?"#
                ])
            let right = try await app.request(
                "POST", "/api/v1/integrations/generic", token: ingest,
                json: ["summary": "Checkout down", "service": "checkout", "dedup_key": "co"])
            #expect(try right.object()["warnings"] as? [String] == [])
            let services = try await app.incidents().compactMap {
                ($0["service"] as? [String: Any])?["name"] as? String
            }
            #expect(services.sorted() == ["checkout", "default"])
        }
    }

    /// The team's own severity word opens the incident as sev3 and says so, once for the whole group.
    @Test func anUnknownSeverityLabelIsAcceptedWithOneWarning() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("checkout")  // the payloads' service label names it
            let payload = AlertmanagerPayload.group(
                status: "firing",
                alerts: ["a", "b", "c"].map {
                    AlertmanagerPayload.alert(
                        "firing", instance: $0, severity: "urgent-ish", fingerprint: "bbbb00000000000\($0)")
                })
            let answer = try await app.request("POST", "/api/v1/integrations/alertmanager", json: payload)
            #expect(answer.status == 200, "\(answer.text)")
            let warnings = try answer.object()["warnings"] as? [String] ?? []
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains(#"severity label "urgent-ish" is not a severity Klaxon knows"#) == true)
            #expect(try await app.incidents().first?["severity"] as? String == "sev3")
            // A known word answers no warning.
            let known = AlertmanagerPayload.group(
                status: "firing",
                alerts: [
                    AlertmanagerPayload.alert(
                        "firing", instance: "d", severity: "critical", fingerprint: "cccc000000000001")
                ],
                groupKey: #"{}:{alertname="Other"}"#)
            let plain = try await app.request("POST", "/api/v1/integrations/alertmanager", json: known)
            #expect(try plain.object()["warnings"] as? [String] == [])
        }
    }

    @Test func aGenericAlertKeepsMembersItDoesNotKnowInDetailsAndWarnsAboutThem() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request(
                "POST", "/api/v1/integrations/generic",
                json: [
                    "summary": "DB down", "dedup_key": "db", "team": "storage", "runbook": ["url": "https://r/db"],
                    "details": ["team": "kept", "used": 0.93], "api_token": "klx_secret", "time": "now",
                ])
            #expect(answer.status == 200)
            let warnings = try answer.object()["warnings"] as? [String] ?? []
            #expect(
                warnings == [
                    #""api_token" is not a field of a generic alert; dropped unread (it looks like a credential)"#,
                    #""runbook" is not a field of a generic alert; kept in details"#,
                    #""team" is not a field of a generic alert; ignored (details has one)"#,
                    #""time" is not a field of a generic alert; kept in details"#,
                ])
            let id = try #require(try await app.incidents().first?["id"] as? Int)
            let alerts = try await app.request("GET", "/api/v1/incidents/\(id)/alerts").object()
            let alert = try #require((alerts["items"] as? [[String: Any]])?.first)
            let details = try #require(alert["details"] as? [String: Any])
            #expect((details["runbook"] as? [String: Any])?["url"] as? String == "https://r/db")
            #expect(details["team"] as? String == "kept")
            #expect(details["api_token"] == nil)
            // A payload of known members only answers no warnings.
            let plain = try await app.request(
                "POST", "/api/v1/integrations/generic", json: ["summary": "DB down", "dedup_key": "db"])
            #expect(try plain.object()["warnings"] as? [String] == [])
        }
    }

    @Test func anAlertWithoutAStartKeepsItsFirstArrivalAsStartAcrossResendsAndItsResolve() async throws {
        try await TestApplication.with { app in
            let ingest = try await app.createToken(name: "script", scope: "ingest")
            let firstArrival = Timestamp.format(app.clock.now())
            var alert: [String: Any] = ["summary": "Disk almost full on db-1", "dedup_key": "disk-db-1"]
            func send() async throws {
                let answer = try await app.request("POST", "/api/v1/integrations/generic", token: ingest, json: alert)
                #expect(answer.status == 200)
            }
            try await send()
            let id = try #require(try await app.incidents().first?["id"] as? Int)
            app.clock.advance(by: 60)
            try await send()  // unchanged: only last seen and the count move
            app.clock.advance(by: 60)
            alert["severity"] = "critical"  // changed: the row is rewritten, its start is not
            try await send()
            var stored = try #require(try await app.alerts(of: id).first)
            #expect(stored["starts_at"] as? String == firstArrival)
            #expect(stored["times_seen"] as? Int == 3)
            #expect(stored["severity"] as? String == "sev1")
            app.clock.advance(by: 60)
            alert["status"] = "resolved"
            try await send()
            stored = try #require(try await app.alerts(of: id).first)
            #expect(stored["status"] as? String == "resolved")
            #expect(stored["starts_at"] as? String == firstArrival)
            #expect(stored["last_seen_at"] as? String == Timestamp.format(app.clock.now()))
        }
    }

    @Test func thousandAlertsInOnePayloadAreOneIncident() async throws {
        try await TestApplication.with { app in
            let alerts = (0..<1000).map { index in
                AlertmanagerPayload.alert(
                    "firing", instance: "host-\(index)", severity: "warning",
                    fingerprint: String(format: "%016lx", index + 1))
            }
            let payload = AlertmanagerPayload.group(status: "firing", alerts: alerts)
            let answer = try await app.request("POST", "/api/v1/integrations/alertmanager", json: payload)
            #expect(answer.status == 200)
            let outcomes = try answer.object()["alerts"] as? [[String: Any]] ?? []
            #expect(outcomes.count == 1000)
            #expect(outcomes.first?["outcome"] as? String == "created")
            #expect(outcomes.dropFirst().allSatisfy { $0["outcome"] as? String == "attached" })
            #expect(Set(outcomes.compactMap { $0["incident_id"] as? Int }).count == 1)
            #expect(try await app.incidents().count == 1)
        }
    }
}

/// A person resolves an incident while Alertmanager still fires its alert: the resolve holds against the re-sends
/// for a while, but a worse alert reopens it at once, paging with the worse severity, and an alert still firing
/// after the hold is a problem still there.
@Suite struct ManualResolveWhileFiringAPITests {
    static func group(severity: String) -> [String: Any] {
        AlertmanagerPayload.group(
            status: "firing",
            alerts: [
                AlertmanagerPayload.alert("firing", instance: "a", severity: severity, fingerprint: "bbbb000000000001")
            ])
    }

    @Test func aWorseAlertReopensAndPagesWithItsSeverity() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            let key = try await app.request("POST", "/api/v1/services/checkout/rotate-key").object()["integration_key"]
            let path = "/api/v1/integrations/alertmanager/\(try #require(key as? String))"
            #expect(
                try await app.request("POST", path, token: nil, json: Self.group(severity: "warning")).status == 200)
            let id = try #require(try await app.incidents().first?["id"] as? Int)
            #expect(try await app.incident(id)["severity"] as? String == "sev3")
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            let pagesBefore = try await app.outbox(of: id).count

            app.clock.advance(by: 60)
            let resend = try await app.request("POST", path, token: nil, json: Self.group(severity: "warning"))
            #expect(
                (try resend.object()["alerts"] as? [[String: Any]])?.first?["reason"] as? String
                    == "still_firing_after_manual_resolve")
            #expect(try await app.incident(id)["status"] as? String == "resolved")

            app.clock.advance(by: 60)
            let worse = try await app.request("POST", path, token: nil, json: Self.group(severity: "critical"))
            #expect((try worse.object()["alerts"] as? [[String: Any]])?.first?["outcome"] as? String == "reopened")
            let incident = try await app.incident(id)
            #expect(incident["status"] as? String == "triggered")
            #expect(incident["severity"] as? String == "sev1")
            let pages = try await app.request("GET", "/api/v1/incidents/\(id)/outbox").items()
            #expect(pages.count > pagesBefore)
            let newest = try #require(pages.last?["payload"] as? [String: Any])
            #expect(((newest["incident"] as? [String: Any])?["severity"] as? String) == "sev1", "\(newest)")
        }
    }

    @Test func anUnchangedResendDoesNotUndoASeverityLoweredByHand() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("checkout")
            let path = "/api/v1/integrations/alertmanager/\(key)"
            #expect(
                try await app.request("POST", path, token: nil, json: Self.group(severity: "critical")).status == 200)
            let id = try #require(try await app.incidents().first?["id"] as? Int)
            try await app.expect(200, "PATCH", "/api/v1/incidents/\(id)", json: ["severity": "sev4"])
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            app.clock.advance(by: 60)
            let resend = try await app.request("POST", path, token: nil, json: Self.group(severity: "critical"))
            #expect((try resend.object()["alerts"] as? [[String: Any]])?.first?["outcome"] as? String == "ignored")
            let incident = try await app.incident(id)
            #expect(incident["status"] as? String == "resolved")
            #expect(incident["severity"] as? String == "sev4")
        }
    }

    @Test func anAlertStillFiringAfterTheHoldOpensANewIncident() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("checkout")
            let path = "/api/v1/integrations/alertmanager/\(key)"
            #expect(
                try await app.request("POST", path, token: nil, json: Self.group(severity: "warning")).status == 200)
            let id = try #require(try await app.incidents().first?["id"] as? Int)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            app.clock.advance(by: 29 * 60)
            let held = try await app.request("POST", path, token: nil, json: Self.group(severity: "warning"))
            #expect((try held.object()["alerts"] as? [[String: Any]])?.first?["outcome"] as? String == "ignored")
            app.clock.advance(by: 2 * 60)
            let still = try await app.request("POST", path, token: nil, json: Self.group(severity: "warning"))
            #expect((try still.object()["alerts"] as? [[String: Any]])?.first?["outcome"] as? String == "created")
            let incidents = try await app.incidents()
            #expect(incidents.count == 2)
            #expect(incidents.first?["status"] as? String == "triggered")
        }
    }
}

/// A route that does not group by `service` sends groups whose alerts each name a service but share none: they
/// go to `default`, and the answer says why and what to change.
@Suite struct UngroupedServiceLabelAPITests {
    @Test func alertsNamingServicesTheGroupDoesNotShareGoToDefaultWithAWarning() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("checkout")
            var other = AlertmanagerPayload.alert("firing", instance: "b", severity: "critical", fingerprint: "cccc2")
            other["labels"] = ["alertname": "HighLatency", "service": "search", "instance": "b"]
            var payload = AlertmanagerPayload.group(
                status: "firing",
                alerts: [
                    AlertmanagerPayload.alert("firing", instance: "a", severity: "critical", fingerprint: "cccc1"),
                    other,
                ])
            payload["commonLabels"] = ["alertname": "HighLatency"]
            let answer = try await app.request("POST", "/api/v1/integrations/alertmanager", json: payload)
            #expect(answer.status == 200, "\(answer.text)")
            #expect(
                try answer.object()["warnings"] as? [String] == [
                    #"the alerts carry service labels ("checkout", "search") but the group has no common one (commonLabels.service), so they went to the "default" service (add service to the route's group_by, so that every group names one service)."#
                ])
            let incident = try #require(try await app.incidents().first)
            #expect((incident["service"] as? [String: Any])?["name"] as? String == "default")
            // A group that shares its service is routed by it, without a warning.
            let shared = try await app.request(
                "POST", "/api/v1/integrations/alertmanager",
                json: AlertmanagerPayload.group(
                    status: "firing",
                    alerts: [
                        AlertmanagerPayload.alert("firing", instance: "c", severity: "warning", fingerprint: "dddd1")
                    ],
                    groupKey: "other"))
            #expect(try shared.object()["warnings"] as? [String] == [])
        }
    }
}
