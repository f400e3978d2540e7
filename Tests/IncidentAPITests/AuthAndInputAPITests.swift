import Foundation
import Testing

@Suite struct AuthAPITests {
    @Test func requestWithoutTokenIs401WithChallenge() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request("GET", "/api/v1/incidents", token: nil)
            #expect(answer.status == 401)
            #expect(answer.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
            #expect(answer.headers["content-type"] == "application/problem+json")
        }
    }

    @Test func unknownTokenIs401() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request(
                "GET", "/api/v1/incidents", token: "klx_not-a-real-token-at-all-000000000000")
            #expect(answer.status == 401)
        }
    }

    /// Each 401 says what to fix: no header, a header without a Bearer token (the scheme forgotten), an
    /// unknown token.
    @Test func eachKindOf401SaysWhatIsWrong() async throws {
        try await TestApplication.with { app in
            let secret = TestApplication.adminToken
            let cases: [(headers: [String: String], detail: String)] = [
                ([:], "Send an API token as 'Authorization: Bearer klx_...'"),
                (["Authorization": secret], "The Authorization header must read 'Bearer <token>'"),
                (["Authorization": "Basic YWRtaW46YWRtaW4="], "The Authorization header must read 'Bearer <token>'"),
                (["Authorization": "Bearer klx_not-a-real-token-at-all-000000000000"], "The bearer token is unknown"),
            ]
            for (headers, detail) in cases {
                for path in ["/api/v1/incidents", "/api/v1/integrations/generic"] {
                    let method = path.hasSuffix("generic") ? "POST" : "GET"
                    let answer = try await app.request(
                        method, path, token: nil, json: method == "POST" ? ["summary": "x"] : nil, headers: headers)
                    #expect(answer.status == 401, "\(path) \(headers): \(answer.text)")
                    let text = try answer.object()["detail"] as? String ?? ""
                    #expect(text.hasPrefix(detail), "\(path) \(headers): \(text)")
                    // A receiver also takes a service's key in its path; a revoked token points at a new one.
                    if headers.isEmpty {
                        #expect(text.contains("integration key") == path.hasSuffix("generic"), "\(path): \(text)")
                    }
                    if headers["Authorization"]?.hasPrefix("Bearer") == true {
                        #expect(text.contains("klaxon token create"), "\(path): \(text)")
                    }
                }
            }
        }
    }

    @Test func scopeLadderIsEnforced() async throws {
        try await TestApplication.with { app in
            let reader = try await app.createToken(name: "reader", scope: "read")
            let writer = try await app.createToken(name: "writer", scope: "write")
            let ingest = try await app.createToken(name: "alerts", scope: "ingest")

            let answer1 = try await app.request("GET", "/api/v1/incidents", token: reader)
            #expect(answer1.status == 200)
            let answer2 = try await app.request("POST", "/api/v1/incidents", token: reader, json: ["title": "x"])
            #expect(answer2.status == 403)
            let answer3 = try await app.request("POST", "/api/v1/incidents", token: writer, json: ["title": "x"])
            #expect(answer3.status == 201)
            let answer4 = try await app.request("GET", "/api/v1/services", token: writer)
            #expect(answer4.status == 403)
            let answer5 = try await app.request("GET", "/api/v1/incidents", token: ingest)
            #expect(answer5.status == 403)
        }
    }

    @Test func revokedTokenIs401AndTheTimelineNamesTheToken() async throws {
        try await TestApplication.with { app in
            let secret = try await app.createToken(name: "ci-bot", scope: "write")
            let incident = try await app.request(
                "POST", "/api/v1/incidents", token: secret, json: ["title": "deploy failed"])
            let id = try incident.object()["id"] as! Int
            let timeline = try await app.request("GET", "/api/v1/incidents/\(id)/timeline")
            #expect(try timeline.items().first?["actor"] as? String == "ci-bot")

            let answer6 = try await app.request("DELETE", "/api/v1/tokens/ci-bot")
            #expect(answer6.status == 204)
            let again = try await app.request("DELETE", "/api/v1/tokens/ci-bot")
            #expect(again.status == 409, "revoked already, not 'not found': \(again.text)")
            // The API will not revoke the last admin token (the one these requests use).
            let lastAdmin = try await app.request("DELETE", "/api/v1/tokens/admin")
            #expect(lastAdmin.status == 409)
            #expect(lastAdmin.text.contains("the last admin token"), "\(lastAdmin.text)")
            let answer7 = try await app.request("GET", "/api/v1/incidents", token: secret)
            #expect(answer7.status == 401)
            let listed = try await app.request("GET", "/api/v1/tokens")
            #expect(!listed.text.contains(secret))
        }
    }
}

@Suite struct TokenSecrecyAPITests {
    @Test func aTokenCreatedWithAnIdempotencyKeyLeavesNoSecretOnDisk() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request(
                "POST", "/api/v1/tokens", json: ["name": "pager", "scope": "ingest"],
                headers: ["Idempotency-Key": "token-1"])
            #expect(answer.status == 201)
            let secret = try #require(try answer.object()["token"] as? String)
            for suffix in ["", "-wal"] {
                let path = app.directory.appendingPathComponent("klaxon.db" + suffix).path
                let bytes = FileManager.default.contents(atPath: path) ?? Data()
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "secret found in klaxon.db\(suffix)")
            }
            // A repeat does not replay the secret: it asks for a second token of the same name.
            let repeated = try await app.request(
                "POST", "/api/v1/tokens", json: ["name": "pager", "scope": "ingest"],
                headers: ["Idempotency-Key": "token-1"])
            #expect(repeated.status == 409)
        }
    }
}

@Suite struct BadInputAPITests {
    @Test func aTokenBodyWithAnUnknownMemberIs422AndIssuesNothing() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request(
                "POST", "/api/v1/tokens", json: ["name": "pager", "scope": "ingest", "expires": "30d"])
            #expect(answer.status == 422)
            #expect((try answer.object()["errors"] as? [[String: Any]])?.first?["field"] as? String == "expires")
            let list = try await app.request("GET", "/api/v1/tokens")
            #expect(try list.items().allSatisfy { $0["name"] as? String != "pager" })
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request("POST", "/api/v1/incidents", rawBody: #"{"title": "#)
            #expect(answer.status == 400)
            #expect(try answer.object()["type"] as? String == "https://klaxon.dev/problems/malformed-json")
        }
    }

    /// Foundation's parser alone let these through (a trailing comma; the first of two titles won).
    @Test func trailingCommasAndRepeatedMembersAre400Everywhere() async throws {
        try await TestApplication.with { app in
            let bodies = [
                #"{"title": "x",}"#, #"{"title": "x", "labels": {"a": "b",}}"#, #"{"title": "a", "title": "b"}"#,
            ]
            for body in bodies {
                let answer = try await app.request("POST", "/api/v1/incidents", rawBody: body)
                #expect(answer.status == 400, "\(body): \(answer.text)")
                #expect(try answer.object()["type"] as? String == "https://klaxon.dev/problems/malformed-json")
                #expect((try answer.object()["detail"] as? String)?.contains(" at byte ") == true, "\(answer.text)")
            }
            let id = try #require(try await app.openIncident(["title": "Disk full"])["id"] as? Int)
            let note = try await app.request("POST", "/api/v1/incidents/\(id)/notes", rawBody: #"{"text": "x",}"#)
            #expect(note.status == 400, "\(note.text)")
            let key = try await app.createService("checkout")
            let generic = try await app.request(
                "POST", "/api/v1/integrations/generic/\(key)", token: nil,
                rawBody: #"{"summary": "disk full", "dedup_key": "a", "dedup_key": "b"}"#)
            #expect(generic.status == 400, "\(generic.text)")
            let pagerDuty = try await app.request(
                "POST", "/v2/enqueue", token: nil,
                rawBody: #"{"routing_key": "\#(key)", "event_action": "trigger", "payload": {"summary": "s",}}"#)
            #expect(pagerDuty.status == 400, "\(pagerDuty.text)")
            #expect(try pagerDuty.object()["status"] as? String == "invalid event")
            #expect(try await app.incidents().count == 1)
        }
    }

    /// Windows tools write a byte order mark before JSON; RFC 8259 lets a parser ignore it, and we do.
    @Test func aByteOrderMarkBeforeTheBodyIsIgnored() async throws {
        try await TestApplication.with { app in
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let created = try await app.request(
                "POST", "/api/v1/incidents", bytes: bom + Array(#"{"title": "BOM"}"#.utf8))
            #expect(created.status == 201, "\(created.text)")
            let key = try await app.createService("checkout")
            let alert = try await app.request(
                "POST", "/api/v1/integrations/generic/\(key)", token: nil,
                bytes: bom + Array(#"{"summary": "disk full", "dedup_key": "disk"}"#.utf8))
            #expect(alert.status == 200, "\(alert.text)")
        }
    }

    @Test func aJSONValueThatIsNotAnObjectSaysSo() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request("POST", "/api/v1/incidents", rawBody: #""just a title""#)
            #expect(answer.status == 400)
            #expect(try answer.object()["detail"] as? String == "The body must be a JSON object.")
        }
    }

    @Test func anObjectFieldOfTheWrongTypeSaysWhatItMustBe() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request(
                "POST", "/api/v1/incidents", rawBody: #"{"title": "t", "labels": ["a"]}"#)
            #expect(answer.status == 422, "\(answer.text)")
            #expect(answer.text.contains(#""message":"must be an object""#), "\(answer.text)")
        }
    }

    /// `{"title": "caf<0xC3 0x28>"}`: a JSON text that is not UTF-8 (RFC 8259 §8.1 requires UTF-8).
    static let invalidUTF8Title: [UInt8] = Array(#"{"title": "caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)

    @Test func invalidUTF8InJSONIs400AndWritesNothing() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request("POST", "/api/v1/incidents", bytes: Self.invalidUTF8Title)
            #expect(answer.status == 400, "\(answer.text)")
            #expect(try answer.object()["type"] as? String == "https://klaxon.dev/problems/malformed-json")
            let key = try await app.createService("checkout")
            let receiver = try await app.request(
                "POST", "/api/v1/integrations/generic/\(key)", token: nil,
                bytes: Array(#"{"summary": "caf"#.utf8) + [0xFF] + Array(#""}"#.utf8))
            #expect(receiver.status == 400)
            let pagerDuty = try await app.request(
                "POST", "/v2/enqueue", token: nil,
                bytes: Array(
                    #"{"routing_key": "\#(key)", "event_action": "trigger", "payload": {"summary": "\#u{1}"#.utf8)
                    + [0xFE] + Array(#"", "source": "s", "severity": "info"}}"#.utf8))
            #expect(pagerDuty.status == 400)
            #expect(try pagerDuty.object()["status"] as? String == "invalid event")
            #expect(try await app.incidents().isEmpty)
        }
    }

    @Test func invalidUTF8InPathsIs4xxNever500() async throws {
        try await TestApplication.with { app in
            for path in ["/api/v1/incidents/%FF", "/api/v1/services/%C3%28", "/api/v1/integrations/generic/%80%80"] {
                let method = path.contains("integrations") ? "POST" : "GET"
                let answer = try await app.request(method, path, json: method == "POST" ? ["summary": "x"] : nil)
                #expect((400..<500).contains(answer.status), "\(path): \(answer.status) \(answer.text)")
            }
        }
    }

    @Test func nonJSONContentTypeIs415() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request(
                "POST", "/api/v1/incidents", rawBody: #"{"title": "x"}"#, contentType: "text/plain")
            #expect(answer.status == 415)
            #expect(answer.text.contains("-H 'Content-Type: application/json'"), "says how curl sends JSON")
        }
    }

    @Test(arguments: [
        (#"{"title": 5}"#, "title"),
        (#"{"title": "x", "severity": "sev9"}"#, "severity"),
        (#"{"title": ""}"#, "title"),
        (#"{"title": "x", "colour": "red"}"#, "colour"),
        (#"{"title": "x", "labels": {"a": 1}}"#, "labels.a"),
    ])
    func invalidFieldsAre422NamingTheField(body: String, field: String) async throws {
        try await TestApplication.with { app in
            let answer = try await app.request("POST", "/api/v1/incidents", rawBody: body)
            #expect(answer.status == 422)
            let errors = try answer.object()["errors"] as? [[String: Any]] ?? []
            #expect(errors.contains { $0["field"] as? String == field }, "\(answer.text)")
            let list = try await app.request("GET", "/api/v1/incidents")
            #expect(try list.items().isEmpty)
        }
    }

    @Test func aFractionOrAHugeNumberWhereAWholeNumberGoesIs422NamingTheField() async throws {
        try await TestApplication.with { app in
            let webhook: [String: Any] = ["webhook": "https://example.com/hooks/payments"]
            let fraction = try await app.request(
                "POST", "/api/v1/escalation-policies",
                json: ["name": "payments", "levels": [["delay_minutes": 0.5, "targets": [webhook]]]])
            #expect(fraction.status == 422)
            var errors = try fraction.object()["errors"] as? [[String: Any]] ?? []
            #expect(errors.first?["field"] as? String == "levels.0.delay_minutes")
            #expect(errors.first?["message"] as? String == "must be a whole number (got 0.5)")
            let huge = try await app.request(
                "POST", "/api/v1/escalation-policies",
                rawBody: #"{"name": "payments", "repeat": 1e30, "levels": [{"delay_minutes": 5, "targets": []}]}"#)
            #expect(huge.status == 422)
            errors = try huge.object()["errors"] as? [[String: Any]] ?? []
            #expect(errors.first?["field"] as? String == "repeat")
            #expect((errors.first?["message"] as? String)?.hasPrefix("is too large") == true)
            // A fraction in a field that takes one (the target) is no culprit: the whole-number field is named.
            let service = try await app.request(
                "POST", "/api/v1/services",
                json: ["name": "ledger", "slo": ["target": 99.9, "window_days": 7.5]])
            #expect(service.status == 422)
            errors = try service.object()["errors"] as? [[String: Any]] ?? []
            #expect(errors.first?["field"] as? String == "slo.window_days")
        }
    }

    @Test func anEscalationTargetOfNoKnownFormNamesWhatWasSent() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request(
                "POST", "/api/v1/escalation-policies",
                json: ["name": "payments", "levels": [["delay_minutes": 5, "targets": [["usr": "alice"]]]]])
            #expect(answer.status == 422)
            var error = (try answer.object()["errors"] as? [[String: Any]])?.first
            #expect(error?["field"] as? String == "levels.0.targets.0.usr")
            #expect(error?["message"] as? String == #"is not a known field of this object; did you mean "user"?"#)
            let both = try await app.request(
                "POST", "/api/v1/escalation-policies",
                json: [
                    "name": "payments",
                    "levels": [["delay_minutes": 5, "targets": [["user": "alice", "schedule": "primary"]]]],
                ])
            #expect(both.status == 422)
            error = (try both.object()["errors"] as? [[String: Any]])?.first
            #expect(error?["field"] as? String == "levels.0.targets.0")
            #expect(
                (error?["message"] as? String)?.hasPrefix("must have exactly one of user, schedule, webhook") == true)
        }
    }

    @Test func anUnknownAPIPathSaysWhatWasProbablyMeant() async throws {
        try await TestApplication.with { app in
            let id = try await app.openIncident(["title": "Queue backlog"])["id"] as! Int
            func detail(_ method: String, _ path: String) async throws -> String {
                let answer = try await app.request(method, path)
                #expect(answer.status == 404, "\(path)")
                return try answer.object()["detail"] as? String ?? ""
            }
            #expect(
                try await detail("POST", "/api/v1/incidents/\(id)/ack")
                    == "No action 'ack'; did you mean POST /api/v1/incidents/\(id)/acknowledge?")
            #expect(
                try await detail("POST", "/api/v1/incidents/\(id)/Acknowledge")
                    == "Actions are lowercase: POST /api/v1/incidents/\(id)/acknowledge.")
            #expect(try await detail("GET", "/api/v1/incidents/\(id)/history").contains("Resources: alerts, timeline"))
            // The status word for the action, and one typo in a resource (found by the new-user walkthrough).
            #expect(
                try await detail("POST", "/api/v1/incidents/\(id)/acknowledged")
                    == "No action 'acknowledged'; did you mean POST /api/v1/incidents/\(id)/acknowledge?")
            #expect(
                try await detail("POST", "/api/v1/incidents/\(id)/reopened")
                    == "No action 'reopened'; did you mean POST /api/v1/incidents/\(id)/reopen?")
            #expect(
                try await detail("GET", "/api/v1/incidents/\(id)/timline")
                    == "An incident has no 'timline'; did you mean /api/v1/incidents/\(id)/timeline?")
            #expect(
                try await detail("GET", "/api/v1/incident/\(id)")
                    == "No route is GET /api/v1/incident/…; every route is in /openapi.json.")
            #expect(
                try await detail("GET", "/api/v1/incident")
                    == "No route is GET /api/v1/incident; every route is in /openapi.json.")
            #expect(
                try await detail("POST", "/api/v1/integrations/alertmanger/secret-key")
                    == "No receiver 'alertmanger'; did you mean /api/v1/integrations/alertmanager/…?")
            #expect(
                try await detail("POST", "/api/v1/integrations/Grafana")
                    == "Receiver names are lowercase: /api/v1/integrations/grafana.")
            #expect(
                try await detail("POST", "/api/v1/integrations/generic/key/extra").hasPrefix(
                    "The generic receiver takes POST at /api/v1/integrations/generic (with a bearer token)"))
            #expect(
                try await detail("POST", "/api/v1/integrations/zabbix").hasPrefix(
                    "No receiver at /api/v1/integrations/…. Receivers: /api/v1/integrations/{alertmanager, grafana, generic}"
                ))
            // A key sent without the receiver's name is not echoed.
            let key = try await app.createService("checkout")
            let keyOnly = try await detail("POST", "/api/v1/integrations/\(key)")
            #expect(!keyOnly.contains(key))
            #expect(keyOnly.contains("the key goes after the receiver's name"))
            #expect(!(try await detail("POST", "/v2/\(key)")).contains(key))
            // Named though another unknown member sorts first.
            let patch = try await app.request(
                "PATCH", "/api/v1/incidents/\(id)", json: ["status": "resolved", "owner": "alice"])
            #expect(patch.status == 422)
            #expect(
                (try patch.object()["errors"] as? [[String: Any]])?.first?["message"] as? String
                    == "is not changed by PATCH: POST /api/v1/incidents/\(id)/{acknowledge, mitigate, resolve, close, reopen}"
            )
        }
    }

    @Test func titleAtLimitIsAcceptedAndOnePastIs422() async throws {
        try await TestApplication.with { app in
            let atLimit = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": String(repeating: "a", count: 200)])
            #expect(atLimit.status == 201)
            let overLimit = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": String(repeating: "a", count: 201)])
            #expect(overLimit.status == 422)
        }
    }

    @Test func idThatIsNotANumberIs400AndMissingIncidentIs404() async throws {
        try await TestApplication.with { app in
            let answer8 = try await app.request("GET", "/api/v1/incidents/abc")
            #expect(answer8.status == 400)
            let answer9 = try await app.request("GET", "/api/v1/incidents/999")
            #expect(answer9.status == 404)
            let answer10 = try await app.request("POST", "/api/v1/incidents/999/acknowledge")
            #expect(answer10.status == 404)
        }
    }

    @Test func badQueryParametersAre400() async throws {
        try await TestApplication.with { app in
            let answer11 = try await app.request("GET", "/api/v1/incidents?limit=0")
            #expect(answer11.status == 400)
            let answer12 = try await app.request("GET", "/api/v1/incidents?limit=501")
            #expect(answer12.status == 400)
            let answer13 = try await app.request("GET", "/api/v1/incidents?status=sleeping")
            #expect(answer13.status == 400)
            let answer14 = try await app.request("GET", "/api/v1/incidents?cursor=forged")
            #expect(answer14.status == 400)
        }
    }

    @Test func aQueryParameterTheEndpointDoesNotTakeIs400AndChangesNothing() async throws {
        try await TestApplication.with { app in
            // A write with a stray parameter (a dry run the API does not have) must not be carried out.
            let dryRun = try await app.request("POST", "/api/v1/incidents?dry_run=1", json: ["title": "Only a test"])
            #expect(dryRun.status == 400)
            #expect(dryRun.text.contains("dry_run"), "\(dryRun.text)")
            #expect(dryRun.text.contains("it takes none"), "\(dryRun.text)")
            let listed = try await app.expect(200, "GET", "/api/v1/incidents")
            #expect((listed["items"] as? [Any])?.isEmpty == true, "the refused create wrote nothing")

            let misspelt = try await app.request("GET", "/api/v1/incidents?stauts=open")
            #expect(misspelt.status == 400)
            #expect(misspelt.text.contains("did you mean \\\"status\\\"?"), "\(misspelt.text)")
            let schedules = try await app.request("GET", "/api/v1/schedules?foo=1")
            #expect(schedules.status == 400)
            // Documented parameters still work, on reads answered at once as well as in a task.
            try await app.expect(200, "GET", "/api/v1/incidents?status=open&limit=5")
            try await app.expect(200, "GET", "/api/v1/oncall?at=2026-11-29T10:00:00Z")
        }
    }
}

@Suite struct IdempotencyAPITests {
    @Test func repeatedPostWithSameKeyAnswersTheFirstAnswerAgain() async throws {
        try await TestApplication.with { app in
            let headers = ["Idempotency-Key": "open-42"]
            let first = try await app.request("POST", "/api/v1/incidents", json: ["title": "once"], headers: headers)
            #expect(first.status == 201)
            let replay = try await app.request("POST", "/api/v1/incidents", json: ["title": "once"], headers: headers)
            #expect(replay.status == 201)
            #expect(replay.headers["idempotent-replayed"] == "true")
            #expect(try replay.object()["id"] as? Int == (try first.object()["id"] as? Int))
            let answer15 = try await app.request("GET", "/api/v1/incidents")
            #expect(try answer15.items().count == 1)

            let otherBody = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": "twice"], headers: headers)
            #expect(otherBody.status == 422)
            #expect(otherBody.text.contains("a new request needs a new key"))
            let answer16 = try await app.request("GET", "/api/v1/incidents")
            #expect(try answer16.items().count == 1)
        }
    }

    /// A refused request changed nothing: its answer is not kept, so the same key works once the body is fixed
    /// (a retry loop that keeps its key would otherwise be stuck for 24 hours after a typo).
    @Test func aRefusedRequestDoesNotTakeItsKey() async throws {
        try await TestApplication.with { app in
            let headers = ["Idempotency-Key": "open-43"]
            // Raw bodies: two equal dictionaries may serialise their members in different orders.
            let typoBody = #"{"title": "x", "severty": "sev1"}"#
            let fixedBody = #"{"title": "x", "severity": "sev1"}"#
            let typo = try await app.request("POST", "/api/v1/incidents", rawBody: typoBody, headers: headers)
            #expect(typo.status == 422)
            let again = try await app.request("POST", "/api/v1/incidents", rawBody: typoBody, headers: headers)
            #expect(again.status == 422 && again.headers["idempotent-replayed"] == nil)
            let fixed = try await app.request("POST", "/api/v1/incidents", rawBody: fixedBody, headers: headers)
            #expect(fixed.status == 201)
            let replay = try await app.request("POST", "/api/v1/incidents", rawBody: fixedBody, headers: headers)
            #expect(replay.status == 201 && replay.headers["idempotent-replayed"] == "true")
            #expect(try replay.object()["id"] as? Int == (try fixed.object()["id"] as? Int))
            #expect(try await app.request("GET", "/api/v1/incidents").items().count == 1)
        }
    }
}
