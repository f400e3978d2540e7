import Foundation
import Testing

/// Heartbeats end to end: missed, recovered, Alertmanager's Watchdog as a ping, CRUD and scopes.
@Suite struct HeartbeatAPITests {
    func setUp(_ app: TestApplication) async throws {
        try await app.expect(201, "POST", "/api/v1/services", json: ["name": "monitoring"])
        let created = try await app.expect(
            201, "POST", "/api/v1/heartbeats",
            json: ["name": "alertmanager", "service": "monitoring", "interval_seconds": 300, "grace_seconds": 60])
        #expect(created["status"] as? String == "new")
        #expect(created["ping_url"] as? String == "/api/v1/heartbeats/alertmanager/ping")
    }

    func watchdog(_ status: String = "firing", alertname: String = "Watchdog") -> [String: Any] {
        [
            "version": "4", "groupKey": "{}:{alertname=\"\(alertname)\"}", "status": status,
            "receiver": "klaxon-heartbeat",
            "groupLabels": ["alertname": alertname], "commonLabels": ["alertname": alertname, "severity": "none"],
            "commonAnnotations": [:], "externalURL": "http://alertmanager:9093", "truncatedAlerts": 0,
            "alerts": [
                [
                    "status": status, "labels": ["alertname": alertname, "severity": "none"],
                    "annotations": ["summary": "An alert that should always be firing"],
                    "startsAt": "2026-11-27T08:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                    "generatorURL": "http://prometheus:9090/graph", "fingerprint": "e7c4e5ea1cd6b0b2",
                ]
            ],
        ]
    }

    @Test func aMissedHeartbeatOpensOneIncidentThatResolvesWhenPingsReturn() async throws {
        try await TestApplication.with { app in
            try await setUp(app)
            let ingest = try await app.createToken(name: "pinger", scope: "ingest")
            try await app.expect(200, "POST", "/api/v1/heartbeats/alertmanager/ping", token: ingest)

            // Late by interval + grace, to the millisecond.
            app.clock.advance(by: 360 - 0.001)
            try await app.application.runHeartbeats()
            #expect(try await app.incidents().isEmpty)
            app.clock.advance(by: 0.001)
            try await app.application.runHeartbeats()
            try await app.application.runHeartbeats()
            app.clock.advance(by: 600)
            try await app.application.runHeartbeats()
            let incidents = try await app.incidents()
            #expect(incidents.count == 1)
            let incident = try #require(incidents.first)
            let id = try #require(incident["id"] as? Int)
            #expect(incident["title"] as? String == "Heartbeat alertmanager missed")
            #expect(incident["severity"] as? String == "sev2", "the default")
            #expect(incident["status"] as? String == "triggered")
            #expect((incident["service"] as? [String: Any])?["name"] as? String == "monitoring")
            let missed = try await app.expect(200, "GET", "/api/v1/heartbeats/alertmanager")
            #expect(missed["status"] as? String == "missed")
            #expect(missed["incident_id"] as? Int == id)

            // Pings return: the incident resolves itself, and the heartbeat is up again.
            let pinged = try await app.expect(200, "POST", "/api/v1/heartbeats/alertmanager/ping", token: ingest)
            #expect(pinged["status"] as? String == "up")
            let resolved = try await app.incident(id)
            #expect(resolved["status"] as? String == "resolved")
            let kinds = try await app.timelineKinds(of: id)
            #expect(kinds == ["created", "resolved"])

            // Missing again later opens a new incident (the old one stays resolved).
            app.clock.advance(by: 361)
            try await app.application.runHeartbeats()
            #expect(try await app.incidents("&status=open").count == 1)
            #expect(try await app.incidents().count == 2)
        }
    }

    /// A heartbeat's severity is that of the incident a miss opens (a nightly job's heartbeat is rarely the sev2
    /// that asks for a postmortem at close); a PUT that leaves it out keeps it.
    @Test func theSeverityOfAHeartbeatIsThatOfTheIncidentAMissOpens() async throws {
        try await TestApplication.with { app in
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "backups"])
            let created = try await app.expect(
                201, "POST", "/api/v1/heartbeats",
                json: [
                    "name": "nightly-backup", "service": "backups", "interval_seconds": 86400, "grace_seconds": 600,
                    "severity": "sev4",
                ])
            #expect(created["severity"] as? String == "sev4")
            let replaced = try await app.expect(
                200, "PUT", "/api/v1/heartbeats/nightly-backup",
                json: ["service": "backups", "interval_seconds": 90000])
            #expect(replaced["severity"] as? String == "sev4")
            #expect(replaced["grace_seconds"] as? Int == 600, "a PUT that leaves the grace out keeps it too")
            #expect(replaced["interval_seconds"] as? Int == 90000)
            app.clock.advance(by: 90601)
            try await app.application.runHeartbeats()
            let incident = try #require(try await app.incidents().first)
            #expect(incident["severity"] as? String == "sev4")
            // sev4 needs no postmortem to close.
            let id = try #require(incident["id"] as? Int)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/close")

            let invalid = try await app.request(
                "POST", "/api/v1/heartbeats",
                json: ["name": "x", "service": "backups", "interval_seconds": 60, "severity": "critical"])
            #expect(invalid.status == 422)
            #expect(
                (try invalid.object()["errors"] as? [[String: Any]])?.first?["message"] as? String
                    == "must be one of sev1, sev2, sev3, sev4, sev5")
            let listed = try await app.request("GET", "/api/v1/heartbeats").items()
            #expect(listed.map { $0["severity"] as? String } == ["sev4"])
        }
    }

    /// Deleting a heartbeat whose incident is open leaves the incident (someone should still look) with a note
    /// that nothing will resolve it any more.
    @Test func deletingAMissedHeartbeatSaysSoOnItsOpenIncident() async throws {
        try await TestApplication.with { app in
            try await setUp(app)
            app.clock.advance(by: 361)
            try await app.application.runHeartbeats()
            let id = try #require(try await app.incidents().first?["id"] as? Int)
            try await app.expect(204, "DELETE", "/api/v1/heartbeats/alertmanager")
            #expect(try await app.incident(id)["status"] as? String == "triggered")
            let notes = try await app.timelineMessages(of: id, kind: "note")
            #expect(
                notes == [
                    "Heartbeat alertmanager was deleted: this incident no longer resolves itself when pings return; "
                        + "resolve it by hand"
                ])
        }
    }

    @Test func aHeartbeatThatNeverPingsIsMissedAfterItsFirstWindow() async throws {
        try await TestApplication.with { app in
            try await setUp(app)
            app.clock.advance(by: 359)
            try await app.application.runHeartbeats()
            #expect(try await app.incidents().isEmpty)
            app.clock.advance(by: 1)
            try await app.application.runHeartbeats()
            #expect(try await app.incidents().count == 1)
        }
    }

    @Test func aMissedIncidentResolvedByHandWhilePingsStayAwayOpensAgainAfterAnotherWindow() async throws {
        try await TestApplication.with { app in
            try await setUp(app)
            app.clock.advance(by: 360)
            try await app.application.runHeartbeats()
            let first = try #require(try await app.incidents().first?["id"] as? Int)
            // Somebody resolves it although the pipeline is still silent.
            try await app.expect(200, "POST", "/api/v1/incidents/\(first)/resolve")
            app.clock.advance(by: 359)
            try await app.application.runHeartbeats()
            #expect(try await app.incidents().count == 1, "not before another interval + grace")
            app.clock.advance(by: 1)
            try await app.application.runHeartbeats()
            let open = try await app.incidents("&status=open")
            #expect(open.count == 1)
            let second = try #require(open.first?["id"] as? Int)
            #expect(second != first)
            let heartbeat = try await app.expect(200, "GET", "/api/v1/heartbeats/alertmanager")
            #expect(heartbeat["status"] as? String == "missed")
            #expect(heartbeat["incident_id"] as? Int == second)
            try await app.application.runHeartbeats()
            #expect(try await app.incidents().count == 2, "one incident per window, not one per poll")
        }
    }

    @Test func alertmanagersWatchdogIsAPing() async throws {
        try await TestApplication.with { app in
            try await setUp(app)
            let ingest = try await app.createToken(name: "alertmanager", scope: "ingest")
            app.clock.advance(by: 300)
            let answer = try await app.request(
                "POST", "/api/v1/heartbeats/alertmanager/ping", token: ingest, json: watchdog())
            #expect(answer.status == 200)
            #expect(try answer.object()["status"] as? String == "up")
            app.clock.advance(by: 300)
            try await app.application.runHeartbeats()
            #expect(try await app.incidents().isEmpty)

            // Another alert routed here, or a resolved Watchdog, is not a ping.
            let other = try await app.request(
                "POST", "/api/v1/heartbeats/alertmanager/ping", token: ingest, json: watchdog(alertname: "DiskFull"))
            #expect(other.status == 422)
            let resolved = try await app.request(
                "POST", "/api/v1/heartbeats/alertmanager/ping", token: ingest, json: watchdog("resolved"))
            #expect(resolved.status == 422)
            app.clock.advance(by: 61)
            try await app.application.runHeartbeats()
            #expect(try await app.incidents().count == 1)
            // And the Watchdog returning resolves the heartbeat's incident.
            try await app.expect(200, "POST", "/api/v1/heartbeats/alertmanager/ping", json: watchdog(), token: ingest)
            #expect(try await app.incidents("&status=open").isEmpty)
        }
    }

    @Test func aMissedHeartbeatPagesThroughItsServicesPolicy() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            try await app.expect(
                201, "POST", "/api/v1/heartbeats",
                json: ["name": "nightly-backup", "service": "checkout", "interval_seconds": 86400])
            app.clock.advance(by: 86400)
            try await app.application.runHeartbeats()
            let id = try #require(try await app.incidents().first?["id"] as? Int)
            #expect(try await app.outbox(of: id) == ["0/0 http://127.0.0.1:9/alice"])
        }
    }

    @Test func crudValidationAndScopes() async throws {
        try await TestApplication.with { app in
            try await setUp(app)
            let reader = try await app.createToken(name: "reader", scope: "read")
            let ingest = try await app.createToken(name: "ingester", scope: "ingest")
            #expect(try await app.request("GET", "/api/v1/heartbeats", token: reader).items().count == 1)
            #expect(try await app.request("POST", "/api/v1/heartbeats/alertmanager/ping", token: reader).status == 403)
            #expect(try await app.request("GET", "/api/v1/heartbeats", token: ingest).status == 403)
            #expect(try await app.request("POST", "/api/v1/heartbeats/nothing/ping", token: ingest).status == 404)
            let duplicate = try await app.request(
                "POST", "/api/v1/heartbeats",
                json: ["name": "alertmanager", "service": "monitoring", "interval_seconds": 300])
            #expect(duplicate.status == 409)
            let invalid = try await app.request(
                "POST", "/api/v1/heartbeats", json: ["name": "x", "service": "nope", "interval_seconds": 5])
            #expect(invalid.status == 422)
            let fields = (try invalid.object()["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            #expect(fields == ["interval_seconds"])
            let unknownService = try await app.request(
                "POST", "/api/v1/heartbeats", json: ["name": "x", "service": "nope", "interval_seconds": 60])
            #expect(unknownService.status == 422)
            let replaced = try await app.expect(
                200, "PUT", "/api/v1/heartbeats/alertmanager",
                json: ["service": "monitoring", "interval_seconds": 120, "grace_seconds": 0])
            #expect(replaced["interval_seconds"] as? Int == 120)
            try await app.expect(204, "DELETE", "/api/v1/heartbeats/alertmanager")
            #expect(try await app.request("GET", "/api/v1/heartbeats/alertmanager").status == 404)
        }
    }
}
