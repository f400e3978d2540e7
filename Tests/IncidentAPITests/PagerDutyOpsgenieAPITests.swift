import Foundation
import IncidentDomain
import Testing

/// PagerDuty Events v2 (`/v2/enqueue`) and Opsgenie-style (`/v2/alerts`) receivers end to end.
@Suite struct PagerDutyIngestionAPITests {
    static func event(_ action: String, key: String, dedupKey: String? = "disk-srv01") -> [String: Any] {
        var event: [String: Any] = ["routing_key": key, "event_action": action]
        if let dedupKey { event["dedup_key"] = dedupKey }
        if action == "trigger" {
            event["payload"] = [
                "summary": "Disk full on srv01", "source": "srv01", "severity": "critical", "component": "disk",
                "custom_details": ["free_bytes": 0],
            ]
        }
        return event
    }

    @Test func triggerAcknowledgeResolveThenTriggerOpensANewIncident() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("storage")
            let trigger = try await app.request(
                "POST", "/v2/enqueue", token: nil, json: Self.event("trigger", key: key))
            #expect(trigger.status == 202)
            let body = try trigger.object()
            #expect(body["status"] as? String == "success")
            #expect(body["message"] as? String == "Event processed")
            #expect(body["dedup_key"] as? String == "disk-srv01")
            #expect(
                try await app.request("POST", "/v2/enqueue", token: nil, json: Self.event("trigger", key: key)).status
                    == 202)
            let incidents = try await app.incidents()
            #expect(incidents.count == 1)
            let first = try #require(incidents.first)
            let id = try #require(first["id"] as? Int)
            #expect(first["severity"] as? String == "sev1")
            #expect((first["service"] as? [String: Any])?["name"] as? String == "storage")

            app.clock.advance(by: 10)
            #expect(
                try await app.request("POST", "/v2/enqueue", token: nil, json: Self.event("acknowledge", key: key))
                    .status == 202)
            #expect(try await app.incident(id)["status"] as? String == "acknowledged")
            app.clock.advance(by: 10)
            #expect(
                try await app.request("POST", "/v2/enqueue", token: nil, json: Self.event("resolve", key: key)).status
                    == 202)
            #expect(try await app.incident(id)["status"] as? String == "resolved")
            // PagerDuty's rule: a trigger after resolve opens a new incident, even within the reopen window.
            app.clock.advance(by: 10)
            #expect(
                try await app.request("POST", "/v2/enqueue", token: nil, json: Self.event("trigger", key: key)).status
                    == 202)
            #expect(try await app.incidents().count == 2)
            #expect(try await app.incident(id)["status"] as? String == "resolved")
            #expect(try await app.timelineKinds(of: id).last == "resolved")
        }
    }

    @Test func aResolveEndsTheStoredAlertWithoutOverwritingWhatItFiredWith() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("ledger")
            let started = app.clock.now().addingTimeInterval(-600)
            var trigger = Self.event("trigger", key: key, dedupKey: "ledger-lag")
            trigger["payload"] = [
                "summary": "Ledger lag", "source": "ledger-1", "severity": "critical",
                "timestamp": Timestamp.format(started), "custom_details": ["lag_s": 42],
            ]
            #expect(try await app.request("POST", "/v2/enqueue", token: nil, json: trigger).status == 202)
            let id = try #require(try await app.incidents().first?["id"] as? Int)
            app.clock.advance(by: 60)
            let resolve = Self.event("resolve", key: key, dedupKey: "ledger-lag")
            #expect(try await app.request("POST", "/v2/enqueue", token: nil, json: resolve).status == 202)
            let stored = try #require(try await app.alerts(of: id).first)
            #expect(stored["status"] as? String == "resolved")
            #expect(stored["resolved_at"] as? String == Timestamp.format(app.clock.now()))
            #expect(stored["title"] as? String == "Ledger lag")
            #expect(stored["severity"] as? String == "sev1")
            #expect(stored["starts_at"] as? String == Timestamp.format(started))
            let details = stored["details"] as? [String: Any]
            #expect((details?["custom_details"] as? [String: Any])?["lag_s"] as? Int == 42)
            #expect(stored["times_seen"] as? Int == 2)
            // The postmortem's impact still starts at the alert's start, ten minutes before the incident.
            let postmortem = try await app.request("GET", "/api/v1/incidents/\(id)/postmortem?format=json")
            let text = postmortem.text
            #expect(postmortem.status == 200)
            #expect(text.contains(Timestamp.format(started)))
        }
    }

    @Test func triggerWithoutDedupKeyGetsAGeneratedOne() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("storage")
            let answer = try await app.request(
                "POST", "/v2/enqueue", token: nil, json: Self.event("trigger", key: key, dedupKey: nil))
            #expect(answer.status == 202)
            let generated = try #require(try answer.object()["dedup_key"] as? String)
            #expect(generated.count == 32)
            let incident = try #require(try await app.incidents().first)
            #expect(incident["dedup_key"] as? String == generated)
        }
    }

    @Test func acknowledgeAndResolveForUnknownKeysAreAcceptedAndChangeNothing() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("storage")
            for action in ["acknowledge", "resolve"] {
                let answer = try await app.request(
                    "POST", "/v2/enqueue", token: nil, json: Self.event(action, key: key))
                #expect(answer.status == 202)
            }
            #expect(try await app.incidents().isEmpty)
        }
    }

    @Test func invalidEventsAndUnknownRoutingKeysAre400InPagerDutysShape() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("storage")
            var missing = Self.event("trigger", key: key)
            missing["payload"] = ["source": "srv01", "severity": "critical"]
            let invalid = try await app.request("POST", "/v2/enqueue", token: nil, json: missing)
            #expect(invalid.status == 400)
            let body = try invalid.object()
            #expect(body["status"] as? String == "invalid event")
            #expect(body["message"] as? String == "Event object is invalid")
            #expect(body["errors"] as? [String] == ["payload.summary is missing or blank"])

            let unknown = try await app.request(
                "POST", "/v2/enqueue", token: nil, json: Self.event("trigger", key: "R0UT1NGKEYTHATNAMESNOSERVICE0000"))
            #expect(unknown.status == 400)
            #expect(try unknown.object()["status"] as? String == "invalid event")

            let notJSON = try await app.request("POST", "/v2/enqueue", token: nil, rawBody: "trigger please")
            #expect(notJSON.status == 400)
            #expect(try notJSON.object()["status"] as? String == "invalid event")
            #expect(try await app.incidents().isEmpty)
        }
    }

    /// The event JSON padded with trailing spaces (still valid JSON) to exactly `size` bytes.
    static func padded(_ event: [String: Any], to size: Int) throws -> String {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self)
        return text + String(repeating: " ", count: size - text.utf8.count)
    }

    @Test func bodyAtPagerDutysLimitIsAccepted() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("storage")
            let body = try Self.padded(Self.event("trigger", key: key), to: 512 * 1024)
            #expect(try await app.request("POST", "/v2/enqueue", token: nil, rawBody: body).status == 202)
        }
    }

    @Test func bodyOverPagerDutysLimitIs413() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("storage")
            let body = try Self.padded(Self.event("trigger", key: key), to: 512 * 1024 + 1)
            #expect(try await app.request("POST", "/v2/enqueue", token: nil, rawBody: body).status == 413)
            #expect(try await app.incidents().isEmpty)
        }
    }

    @Test func alertReceiversTakeBodiesLargerThanTheAPIsLimit() async throws {
        try await TestApplication.with { app in
            let padding = String(repeating: " ", count: 2 * 1024 * 1024)
            let payload = String(
                decoding: try JSONSerialization.data(withJSONObject: AlertmanagerIngestionAPITests.firing),
                as: UTF8.self)
            let alerts = try await app.request("POST", "/api/v1/integrations/alertmanager", rawBody: payload + padding)
            #expect(alerts.status == 200)
            let incident = try await app.request(
                "POST", "/api/v1/incidents", rawBody: #"{"title":"big"}"# + padding)
            #expect(incident.status == 413)
        }
    }
}

@Suite struct OpsgenieIngestionAPITests {
    @Test func createWithGenieKeyThenCloseByAlias() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("web")
            let genie = ["Authorization": "GenieKey \(key)"]
            let create = try await app.request(
                "POST", "/v2/alerts", token: nil,
                json: [
                    "message": "Web tier 5xx above 10%", "alias": "web-5xx", "description": "since 08:00",
                    "priority": "P2",
                    "tags": ["web"], "details": ["region": "eu-west-1"], "entity": "lb-1",
                ], headers: genie)
            #expect(create.status == 202)
            let body = try create.object()
            #expect(body["result"] as? String == "Request will be processed")
            #expect(body["took"] is Double || body["took"] is Int)
            #expect((body["requestId"] as? String)?.isEmpty == false)
            let incident = try #require(try await app.incidents().first)
            let id = try #require(incident["id"] as? Int)
            #expect(incident["title"] as? String == "Web tier 5xx above 10%")
            #expect(incident["severity"] as? String == "sev2")
            #expect((incident["service"] as? [String: Any])?["name"] as? String == "web")

            let ack = try await app.request(
                "POST", "/v2/alerts/web-5xx/acknowledge?identifierType=alias", token: nil, json: ["user": "alice"],
                headers: genie)
            #expect(ack.status == 202)
            #expect(try await app.incident(id)["status"] as? String == "acknowledged")
            let close = try await app.request(
                "POST", "/v2/alerts/web-5xx/close?identifierType=alias", token: nil, rawBody: "", headers: genie)
            #expect(close.status == 202)
            #expect(try await app.incident(id)["status"] as? String == "resolved")
            // The close carries no alert: the stored one keeps what it fired with.
            let stored = try #require(try await app.alerts(of: id).first)
            #expect(stored["status"] as? String == "resolved")
            #expect(stored["title"] as? String == "Web tier 5xx above 10%")
            #expect(stored["severity"] as? String == "sev2")
            #expect((stored["details"] as? [String: Any])?["entity"] as? String == "lb-1")
        }
    }

    @Test func bearerIngestTokenWorksAndAnswersAreInOpsgeniesShape() async throws {
        try await TestApplication.with { app in
            let ingest = try await app.createToken(name: "og", scope: "ingest")
            let create = try await app.request("POST", "/v2/alerts", token: ingest, json: ["message": "Queue backlog"])
            #expect(create.status == 202)
            #expect(try await app.incidents().first?["severity"] as? String == "sev3")

            let noMessage = try await app.request("POST", "/v2/alerts", token: ingest, json: ["priority": "P9"])
            #expect(noMessage.status == 422)
            let errors = try noMessage.object()["errors"] as? [String: String] ?? [:]
            #expect(Set(errors.keys) == ["message", "priority"])

            let noCredential = try await app.request("POST", "/v2/alerts", token: nil, json: ["message": "x"])
            #expect(noCredential.status == 401)
            #expect(try noCredential.object()["message"] as? String == "Could not authenticate")
            let badGenie = try await app.request(
                "POST", "/v2/alerts", token: nil, json: ["message": "x"], headers: ["Authorization": "GenieKey nope"])
            #expect(badGenie.status == 401)
            let reader = try await app.createToken(name: "reader", scope: "read")
            #expect(try await app.request("POST", "/v2/alerts", token: reader, json: ["message": "x"]).status == 403)
            let notJSON = try await app.request("POST", "/v2/alerts", token: ingest, rawBody: "<xml/>")
            #expect(notJSON.status == 400)
            #expect(try await app.incidents().count == 1)
        }
    }
}
