import Foundation
import IncidentDomain
import Testing

/// Users, schedules and escalation policies over real sockets: CRUD, validation problems, scopes.
@Suite struct OnCallAPITests {
    @Test func usersAreCreatedListedReplacedAndDeleted() async throws {
        try await TestApplication.with { app in
            let created = try await app.request(
                "POST", "/api/v1/users", json: ["handle": "alice", "name": "Alice", "email": "alice@example.com"])
            #expect(created.status == 201)
            let user = try created.object()
            let id = try #require(user["id"] as? Int)
            #expect(created.headers["location"] == "/api/v1/users/\(id)")
            #expect(user["time_zone"] as? String == "UTC")
            let hours = user["working_hours"] as? [String: Any]
            #expect(hours?["start"] as? String == "09:00")
            #expect(hours?["end"] as? String == "18:00")
            #expect(hours?["days"] as? [Int] == [1, 2, 3, 4, 5])
            #expect(user["webhook_url"] is NSNull)

            let duplicate = try await app.request("POST", "/api/v1/users", json: ["handle": "alice", "name": "A"])
            #expect(duplicate.status == 409)

            let replaced = try await app.expect(
                200, "PUT", "/api/v1/users/alice",
                json: [
                    "name": "Alice Liddell", "time_zone": "Europe/Berlin", "webhook_url": "https://example.com/hook",
                ])
            #expect(replaced["handle"] as? String == "alice")
            #expect(replaced["time_zone"] as? String == "Europe/Berlin")
            #expect(replaced["email"] is NSNull)
            let renamed = try await app.request("PUT", "/api/v1/users/\(id)", json: ["handle": "alicia", "name": "A"])
            #expect(renamed.status == 422)

            let listed = try await app.request("GET", "/api/v1/users").items()
            #expect(listed.compactMap { $0["handle"] as? String } == ["alice"])
            try await app.expect(204, "DELETE", "/api/v1/users/alice")
            #expect(try await app.request("GET", "/api/v1/users/alice").status == 404)
        }
    }

    @Test func userValidationProblemsNameTheFields() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request(
                "POST", "/api/v1/users",
                json: ["handle": "Bad Handle", "name": "B", "time_zone": "Mars/Base", "slack_webhook_url": "nope"])
            #expect(answer.status == 422)
            let fields = (try answer.object()["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            #expect(fields == ["handle", "time_zone", "slack_webhook_url"])
            let unknown = try await app.request(
                "POST", "/api/v1/users", json: ["handle": "x", "name": "X", "phone": "1"])
            #expect(unknown.status == 422)
        }
    }

    @Test func scopesReadToListAdminToChange() async throws {
        try await TestApplication.with { app in
            let reader = try await app.createToken(name: "reader", scope: "read")
            let writer = try await app.createToken(name: "writer", scope: "write")
            try await app.setUpCheckoutPolicy()
            for path in [
                "/api/v1/users", "/api/v1/schedules", "/api/v1/escalation-policies", "/api/v1/oncall",
                "/api/v1/outbox", "/api/v1/escalation-policies/checkout/check",
            ] {
                #expect(try await app.request("GET", path, token: reader).status == 200, "\(path)")
            }
            let post = try await app.request(
                "POST", "/api/v1/users", token: writer, json: ["handle": "x", "name": "X"])
            #expect(post.status == 403)
            let put = try await app.request(
                "PUT", "/api/v1/escalation-policies/checkout", token: reader, json: ["name": "checkout"])
            #expect(put.status == 403)
            #expect(try await app.request("DELETE", "/api/v1/schedules/x", token: writer).status == 403)
            #expect(try await app.request("GET", "/api/v1/users", token: nil).status == 401)
        }
    }

    @Test func contactURLsAreWholeForAdminsAndOnlyTheirOriginForOthers() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            try await app.expect(
                201, "POST", "/api/v1/escalation-policies",
                json: [
                    "name": "raw",
                    "levels": [
                        ["delay_minutes": 1, "targets": [["webhook": "https://hooks.example.com/p/secret-path?k=v"]]]
                    ],
                ])
            let reader = try await app.createToken(name: "viewer", scope: "read")
            let bobForAdmin = try await app.request("GET", "/api/v1/users/bob").object()
            #expect(bobForAdmin["slack_webhook_url"] as? String == "https://hooks.slack.test/services/T0/B0/x")
            let bobForReader = try await app.request("GET", "/api/v1/users/bob", token: reader).object()
            #expect(bobForReader["slack_webhook_url"] as? String == "https://hooks.slack.test")
            #expect(bobForReader["email"] as? String == "bob@example.com")
            let listed = try await app.request("GET", "/api/v1/users", token: reader).items()
            #expect(
                listed.first { $0["handle"] as? String == "alice" }?["webhook_url"] as? String == "http://127.0.0.1:9")
            let policy = try await app.request("GET", "/api/v1/escalation-policies/raw", token: reader).text
            #expect(policy.contains("https://hooks.example.com") && !policy.contains("secret-path"))

            let opened = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": "Checkout down", "service": "checkout"]
            ).object()
            let id = try #require(opened["id"] as? Int)
            let forAdmin = try await app.request("GET", "/api/v1/incidents/\(id)/outbox").text
            #expect(forAdmin.contains("http://127.0.0.1:9/alice"))
            let forReader = try await app.request("GET", "/api/v1/incidents/\(id)/outbox", token: reader).text
            #expect(forReader.contains("http://127.0.0.1:9") && !forReader.contains("/alice"))
            let everything = try await app.request("GET", "/api/v1/outbox", token: reader).text
            #expect(!everything.contains("/alice"))
            // The timeline (any token, kept for good) names the paged people and only the webhooks' origins.
            let timeline = try await app.request("GET", "/api/v1/incidents/\(id)/timeline", token: reader).text
            #expect(timeline.contains("@alice") && !timeline.contains("/alice"), "\(timeline)")

            // A raw webhook target: paged, and shown nowhere but to admins whole.
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "raw", "escalation_policy": "raw"])
            let rawIncident = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": "Raw down", "service": "raw"]
            ).object()
            let rawID = try #require(rawIncident["id"] as? Int)
            let rawTimeline = try await app.request("GET", "/api/v1/incidents/\(rawID)/timeline").text
            #expect(rawTimeline.contains("https://hooks.example.com"), "\(rawTimeline)")
            #expect(!rawTimeline.contains("secret-path"), "\(rawTimeline)")
            let rawOutbox = try await app.request("GET", "/api/v1/incidents/\(rawID)/outbox").text
            #expect(rawOutbox.contains("secret-path"))  // the admin's view, which delivery needs
        }
    }

    @Test func aLevelThatReachesNobodyIsRefusedNamingTheLevel() async throws {
        try await TestApplication.with { app in
            try await app.expect(201, "POST", "/api/v1/users", json: ["handle": "carol", "name": "Carol"])
            try await app.expect(
                201, "POST", "/api/v1/users", json: ["handle": "dan", "name": "Dan", "email": "dan@example.com"])
            try await app.expect(201, "POST", "/api/v1/schedules", json: ["name": "empty", "rotations": []])
            let answer = try await app.request(
                "POST", "/api/v1/escalation-policies",
                json: [
                    "name": "p",
                    "levels": [
                        ["delay_minutes": 5, "targets": [["user": "dan"]]],
                        ["delay_minutes": 5, "targets": [["user": "carol"], ["schedule": "empty"]]],
                    ],
                ])
            #expect(answer.status == 422)
            let errors = try answer.object()["errors"] as? [[String: Any]]
            #expect(errors?.first?["field"] as? String == "levels.1.targets")
            #expect(
                errors?.first?["message"] as? String
                    == "level 1 can reach nobody: user carol has no contact methods; schedule empty is empty")

            let misspelt = try await app.request(
                "POST", "/api/v1/escalation-policies",
                json: [
                    "name": "p",
                    "levels": [["delay_minutes": 5, "targets": [["user": "carrol"], ["schedule": "emtpy"]]]],
                ])
            #expect(misspelt.status == 422)
            #expect(
                (try misspelt.object()["errors"] as? [[String: Any]])?.first?["message"] as? String
                    == "level 0 can reach nobody: no user carrol (did you mean carol?); no schedule emtpy (did you mean empty?)",
                "\(misspelt.text)")
            try await app.expect(
                201, "POST", "/api/v1/escalation-policies",
                json: ["name": "daytime", "levels": [["delay_minutes": 5, "targets": [["user": "dan"]]]]])
            let service = try await app.request(
                "POST", "/api/v1/services", json: ["name": "web", "escalation_policy": "daytmie"])
            #expect(service.status == 422)
            #expect(service.text.contains("no escalation policy daytmie (did you mean daytime?)"), "\(service.text)")

            let zero = try await app.request(
                "POST", "/api/v1/escalation-policies",
                json: ["name": "p", "levels": [["delay_minutes": 0, "targets": [["user": "dan"]]]]])
            #expect(zero.status == 422)
            let both = try await app.request(
                "POST", "/api/v1/escalation-policies",
                json: [
                    "name": "p",
                    "levels": [["delay_minutes": 1, "targets": [["user": "dan", "webhook": "https://x.example"]]]],
                ])
            #expect(both.status == 422)

            // An existing policy whose user lost every contact method is reported by /check.
            try await app.expect(
                201, "POST", "/api/v1/escalation-policies",
                json: ["name": "dan-only", "levels": [["delay_minutes": 5, "targets": [["user": "dan"]]]]])
            let ok = try await app.expect(200, "GET", "/api/v1/escalation-policies/dan-only/check")
            #expect(ok["ok"] as? Bool == true)
            try await app.expect(200, "PUT", "/api/v1/users/dan", json: ["name": "Dan"])
            let check = try await app.expect(200, "GET", "/api/v1/escalation-policies/dan-only/check")
            #expect(check["ok"] as? Bool == false)
            let problems = check["problems"] as? [[String: Any]]
            #expect(problems?.first?["field"] as? String == "levels.0.targets")
            // A user named by a policy cannot be deleted; the policy cannot while a service follows it.
            #expect(try await app.request("DELETE", "/api/v1/users/dan").status == 409)
            try await app.expect(
                201, "POST", "/api/v1/services", json: ["name": "web", "escalation_policy": "dan-only"])
            #expect(try await app.request("DELETE", "/api/v1/escalation-policies/dan-only").status == 409)
            let cleared = try await app.expect(
                200, "PATCH", "/api/v1/services/web", json: ["escalation_policy": NSNull()])
            #expect(cleared["escalation_policy"] is NSNull)
            try await app.expect(204, "DELETE", "/api/v1/escalation-policies/dan-only")
            let missing = try await app.request("PATCH", "/api/v1/services/web", json: ["escalation_policy": "nope"])
            #expect(missing.status == 422)
            // Nothing is half-written: a service with an unknown policy is not created.
            let refused = try await app.request(
                "POST", "/api/v1/services", json: ["name": "api", "escalation_policy": "nope"])
            #expect(refused.status == 422)
            #expect(try await app.request("GET", "/api/v1/services/api").status == 404)
            let renamed = try await app.request(
                "PATCH", "/api/v1/services/web", json: ["name": "web2", "escalation_policy": "nope"])
            #expect(renamed.status == 422)
            #expect(try await app.request("GET", "/api/v1/services/web").status == 200)
        }
    }

    @Test func schedulesAnswerWhoIsOnCall() async throws {
        try await TestApplication.with { app in
            for handle in ["alice", "bob"] {
                try await app.expect(
                    201, "POST", "/api/v1/users",
                    json: ["handle": handle, "name": handle.capitalized, "email": "\(handle)@example.com"])
            }
            let schedule = try await app.expect(
                201, "POST", "/api/v1/schedules",
                json: [
                    "name": "primary", "time_zone": "Europe/Berlin",
                    "rotations": [
                        [
                            "users": ["alice", "bob"], "shift_length": 1, "shift_unit": "days", "handoff_time": "09:00",
                            "start_date": "2026-03-27",
                        ]
                    ],
                    "overrides": [["user": "alice", "from": "2026-03-29T12:00:00Z", "until": "2026-03-29T14:00:00Z"]],
                ])
            #expect((schedule["rotations"] as? [[String: Any]])?.first?["time_zone"] as? String == "Europe/Berlin")
            func onCall(_ at: String) async throws -> [String] {
                let answer = try await app.expect(200, "GET", "/api/v1/schedules/primary/oncall?at=\(at)")
                return (answer["on_call"] as? [[String: Any]] ?? []).compactMap { $0["user"] as? String }
            }
            // 09:00 Berlin is 08:00 UTC before the change on 2026-03-29 and 07:00 UTC after it.
            #expect(try await onCall("2026-03-28T07:59:00Z") == ["alice"])
            #expect(try await onCall("2026-03-28T08:00:00Z") == ["bob"])
            #expect(try await onCall("2026-03-29T06:59:00Z") == ["bob"])
            #expect(try await onCall("2026-03-29T07:00:00Z") == ["alice"])
            // A typo in a name is answered with the name probably meant (found by the new-user walkthrough).
            let user = try await app.request("GET", "/api/v1/users/alcie")
            #expect(
                user.status == 404 && user.text.contains("user alcie (did you mean alice?) not found"), "\(user.text)")
            let mistypedSchedule = try await app.request("GET", "/api/v1/schedules/primry/oncall")
            #expect(mistypedSchedule.status == 404, "\(mistypedSchedule.text)")
            #expect(mistypedSchedule.text.contains("(did you mean primary?)"), "\(mistypedSchedule.text)")
            let unrelated = try await app.request("GET", "/api/v1/users/zed")
            #expect(unrelated.status == 404 && !unrelated.text.contains("did you mean"))
            #expect(try await onCall("2026-03-30T06:59:00Z") == ["alice"])
            #expect(try await onCall("2026-03-30T07:00:00Z") == ["bob"])
            #expect(try await onCall("2026-03-29T13:00:00Z") == ["alice"])
            #expect(try await app.request("GET", "/api/v1/schedules/primary/oncall?at=yesterday").status == 400)

            let unknown = try await app.request(
                "POST", "/api/v1/schedules",
                json: [
                    "name": "other",
                    "rotations": [
                        [
                            "users": ["zed"], "shift_length": 8, "shift_unit": "hours",
                            "handoff_time": "00:00", "start_date": "2026-01-01",
                        ]
                    ],
                ])
            #expect(unknown.status == 422)
            #expect(
                (try unknown.object()["errors"] as? [[String: Any]])?.first?["field"] as? String
                    == "rotations.0.users.0")

            // An override added on its own; ended ones (the clock is in November 2026) are dropped with it.
            let added = try await app.expect(
                201, "POST", "/api/v1/schedules/primary/overrides",
                json: ["user": "bob", "from": "2026-03-28T10:00:00Z", "until": "2026-03-28T11:00:00Z"])
            #expect((added["overrides"] as? [[String: Any]])?.count == 1)
            #expect(try await onCall("2026-03-28T07:30:00Z") == ["alice"])
            #expect(try await onCall("2026-03-28T10:30:00Z") == ["bob"])
            let badOverride = try await app.request(
                "POST", "/api/v1/schedules/primary/overrides",
                json: ["user": "zed", "from": "2026-03-28T10:00:00Z", "until": "2026-03-28T09:00:00Z"])
            #expect(badOverride.status == 422)
            #expect((try badOverride.object()["errors"] as? [[String: Any]])?.first?["field"] as? String == "until")

            let all = try await app.request("GET", "/api/v1/oncall").items()
            #expect(all.count == 1)
            #expect((all.first?["schedule"] as? [String: Any])?["name"] as? String == "primary")

            // An override that ended yesterday is still there after the next one is added: the past on-call
            // answer a postmortem asks for does not change (ended overrides are kept for 90 days).
            let stamp = { (date: Date) in Timestamp.format(date) }
            let now = app.clock.now()
            try await app.expect(
                201, "POST", "/api/v1/schedules/primary/overrides",
                json: [
                    "user": "bob", "from": stamp(now.addingTimeInterval(-26 * 3600)),
                    "until": stamp(now.addingTimeInterval(-25 * 3600)),
                ])
            let next = try await app.expect(
                201, "POST", "/api/v1/schedules/primary/overrides",
                json: [
                    "user": "alice", "from": stamp(now.addingTimeInterval(3600)),
                    "until": stamp(now.addingTimeInterval(7200)),
                ])
            #expect((next["overrides"] as? [[String: Any]])?.count == 2, "yesterday's is kept, March's dropped")
            let during = stamp(now.addingTimeInterval(-25.5 * 3600)).replacingOccurrences(of: "+", with: "%2B")
            let wasOnCall = try await app.expect(200, "GET", "/api/v1/schedules/primary/oncall?at=\(during)")
            let users = (wasOnCall["on_call"] as? [[String: Any]] ?? []).compactMap { $0["user"] as? String }
            #expect(users == ["bob"])
        }
    }

    @Test func aScheduleTargetPagesWhoeverIsOnCallThen() async throws {
        try await TestApplication.with { app in
            for handle in ["alice", "bob"] {
                try await app.expect(
                    201, "POST", "/api/v1/users",
                    json: ["handle": handle, "name": handle, "webhook_url": "http://127.0.0.1:9/\(handle)"])
            }
            // Hand-off every 8 hours from 2026-01-01 UTC midnight: at the test clock's time either may be on call.
            try await app.expect(
                201, "POST", "/api/v1/schedules",
                json: [
                    "name": "ops",
                    "rotations": [
                        [
                            "users": ["alice", "bob"], "shift_length": 8,
                            "shift_unit": "hours", "handoff_time": "00:00", "time_zone": "UTC",
                            "start_date": "2026-01-01",
                        ]
                    ],
                ])
            try await app.expect(
                201, "POST", "/api/v1/escalation-policies",
                json: ["name": "ops", "levels": [["delay_minutes": 1, "targets": [["schedule": "ops"]]]]])
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "ops", "escalation_policy": "ops"])
            let onCall = try await app.expect(200, "GET", "/api/v1/schedules/ops/oncall")
            let handle = try #require((onCall["on_call"] as? [[String: Any]])?.first?["user"] as? String)
            let incident = try await app.expect(
                201, "POST", "/api/v1/incidents", json: ["title": "x", "service": "ops"])
            let id = try #require(incident["id"] as? Int)
            let items = try await app.request("GET", "/api/v1/incidents/\(id)/outbox").items()
            #expect(items.count == 1)
            #expect(items.first?["user"] as? String == handle)
            #expect(items.first?["schedule"] as? String == "ops")
        }
    }
}

/// Tokens that belong to users, and commanders that are user handles.
@Suite struct OnCallPeopleAPITests {
    @Test func aTokenOfAUserPutsTheirNameOnTheTimeline() async throws {
        try await TestApplication.with { app in
            try await app.expect(
                201, "POST", "/api/v1/users", json: ["handle": "alice", "name": "Alice", "email": "a@example.com"])
            let created = try await app.expect(
                201, "POST", "/api/v1/tokens", json: ["name": "alice-laptop", "scope": "write", "user": "alice"])
            #expect(created["user"] as? String == "alice")
            let secret = try #require(created["token"] as? String)
            let incident = try await app.expect(201, "POST", "/api/v1/incidents", json: ["title": "x"], token: secret)
            let id = try #require(incident["id"] as? Int)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/acknowledge", token: secret)
            let events = try await app.request("GET", "/api/v1/incidents/\(id)/timeline").items()
            #expect(events.map { $0["actor"] as? String } == ["alice", "alice"])
            #expect(events.map { $0["actor_kind"] as? String } == ["user", "user"])
            let listed = try await app.request("GET", "/api/v1/tokens").items()
            #expect(listed.first { $0["name"] as? String == "admin" }?["user"] is NSNull)
            let unknown = try await app.request(
                "POST", "/api/v1/tokens", json: ["name": "ghost", "scope": "read", "user": "nobody"])
            #expect(unknown.status == 422)
        }
    }

    @Test func theCommanderIsAUserHandleOnceUsersExist() async throws {
        try await TestApplication.with { app in
            let id = try #require(try await app.openIncident(["title": "x"])["id"] as? Int)
            // Without users, any name (set-ups without a user directory keep working).
            try await app.expect(200, "PATCH", "/api/v1/incidents/\(id)", json: ["commander": "whoever"])
            try await app.expect(201, "POST", "/api/v1/users", json: ["handle": "alice", "name": "Alice"])
            let typo = try await app.request("PATCH", "/api/v1/incidents/\(id)", json: ["commander": "alcie"])
            #expect(typo.status == 422)
            #expect((try typo.object()["errors"] as? [[String: Any]])?.first?["field"] as? String == "commander")
            let ok = try await app.expect(200, "PATCH", "/api/v1/incidents/\(id)", json: ["commander": "alice"])
            #expect(ok["commander"] as? String == "alice")
            try await app.expect(200, "PATCH", "/api/v1/incidents/\(id)", json: ["commander": NSNull()])
        }
    }
}
