import Foundation
import IncidentDomain
import Testing

/// The escalation engine end to end: the real application, a manual clock, pages read back from the outbox
/// and the timeline.
@Suite struct EscalationEngineAPITests {
    static let alice = "http://127.0.0.1:9/alice"
    static let bobSlack = "https://hooks.slack.test/services/T0/B0/x"
    static let bobMail = "bob@example.com"

    func open(_ app: TestApplication) async throws -> Int {
        let incident = try await app.expect(
            201, "POST", "/api/v1/incidents", json: ["title": "Checkout down", "service": "checkout"])
        return try #require(incident["id"] as? Int)
    }

    /// Schedule `primary`: Carol (a webhook) by rotation, but for the next six hours an override gives the
    /// shift to Erin, who has no contact methods.
    func setUpScheduleWhoseOnCallHasNoContact(_ app: TestApplication) async throws {
        try await app.expect(
            201, "POST", "/api/v1/users",
            json: ["handle": "carol", "name": "Carol", "webhook_url": "http://127.0.0.1:9/carol"])
        try await app.expect(201, "POST", "/api/v1/users", json: ["handle": "erin", "name": "Erin"])
        let now = app.clock.now()
        try await app.expect(
            201, "POST", "/api/v1/schedules",
            json: [
                "name": "primary",
                "rotations": [
                    ["users": ["carol"], "shift_length": 7, "shift_unit": "days", "start_date": "2026-01-05"]
                ],
                "overrides": [
                    [
                        "user": "erin", "from": Timestamp.format(now.addingTimeInterval(-3600)),
                        "until": Timestamp.format(now.addingTimeInterval(6 * 3600)),
                    ]
                ],
            ])
    }

    @Test func aLevelThatReachesNobodyNowEscalatesAtOnceNotAfterItsDelay() async throws {
        try await TestApplication.with { app in
            try await setUpScheduleWhoseOnCallHasNoContact(app)
            try await app.expect(
                201, "POST", "/api/v1/users",
                json: ["handle": "dave", "name": "Dave", "webhook_url": "http://127.0.0.1:9/dave"])
            try await app.expect(
                201, "POST", "/api/v1/escalation-policies",
                json: [
                    "name": "ledger",
                    "levels": [
                        ["delay_minutes": 30, "targets": [["schedule": "primary"]]],
                        ["delay_minutes": 30, "targets": [["user": "dave"]]],
                    ],
                ])
            try await app.expect(
                201, "POST", "/api/v1/services", json: ["name": "ledger", "escalation_policy": "ledger"])
            // The policy's check says so before anything happens.
            let check = try await app.expect(200, "GET", "/api/v1/escalation-policies/ledger/check")
            #expect(check["ok"] as? Bool == false)
            let problems = check["problems"] as? [[String: Any]] ?? []
            #expect(
                problems.first?["message"] as? String
                    == "level 0 can reach nobody: nobody on call in schedule primary now has contact methods (erin)",
                "\(check)")
            let incident = try await app.expect(
                201, "POST", "/api/v1/incidents", json: ["title": "Ledger lag", "service": "ledger"])
            let id = try #require(incident["id"] as? Int)
            #expect(try await app.timelineMessages(of: id, kind: "paged") == ["Paged level 0: nobody could be reached"])

            // The next pass of the engine, not 30 minutes later.
            app.clock.advance(by: 1)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id) == ["1/0 http://127.0.0.1:9/dave"])
            #expect(
                try await app.timelineMessages(of: id, kind: "escalated")
                    == ["Escalated to level 1: at once, since level 0 could reach nobody"])
        }
    }

    @Test func aPolicyNobodyCanAnswerStillComesOneDelayApartPerPass() async throws {
        try await TestApplication.with { app in
            try await setUpScheduleWhoseOnCallHasNoContact(app)
            try await app.expect(
                201, "POST", "/api/v1/escalation-policies",
                json: [
                    "name": "ledger", "repeat": 3,
                    "levels": [
                        ["delay_minutes": 10, "targets": [["schedule": "primary"]]],
                        ["delay_minutes": 10, "targets": [["schedule": "primary"]]],
                    ],
                ])
            try await app.expect(
                201, "POST", "/api/v1/services", json: ["name": "ledger", "escalation_policy": "ledger"])
            let id = try #require(
                try await app.expect(
                    201, "POST", "/api/v1/incidents", json: ["title": "Ledger lag", "service": "ledger"])[
                        "id"] as? Int)
            for _ in 0..<5 {
                app.clock.advance(by: 1)
                try await app.application.runEscalations()
            }
            // Level 1 came a second after level 0; the next pass waits level 1's delay instead of running now.
            #expect(try await app.timelineMessages(of: id, kind: "escalated").count == 1)
            #expect(try await app.timelineMessages(of: id, kind: "escalation_exhausted").isEmpty)
            app.clock.advance(by: 10 * 60)
            try await app.application.runEscalations()
            #expect(try await app.timelineMessages(of: id, kind: "escalated").count == 2, "pass 2 after the delay")
        }
    }

    @Test func anIncidentMovedToAServiceWithAPolicyFollowsThatPolicy() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            // Opened on the default service, which follows no policy: nobody is paged.
            let incident = try await app.expect(201, "POST", "/api/v1/incidents", json: ["title": "Checkout down"])
            let id = try #require(incident["id"] as? Int)
            #expect(try await app.outbox(of: id) == [])
            try await app.expect(200, "PATCH", "/api/v1/incidents/\(id)", json: ["service": "checkout"])
            #expect(try await app.outbox(of: id) == ["0/0 \(Self.alice)"], "paged as a new incident of checkout")
            app.clock.advance(by: 5 * 60)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).count == 3, "and its timer runs")

            // Acknowledged, then moved: it follows the policy without paging; a manual escalation pages level 1.
            let second = try #require(
                try await app.expect(201, "POST", "/api/v1/incidents", json: ["title": "Cart slow"])["id"] as? Int)
            try await app.expect(200, "POST", "/api/v1/incidents/\(second)/acknowledge")
            try await app.expect(200, "PATCH", "/api/v1/incidents/\(second)", json: ["service": "checkout"])
            #expect(try await app.outbox(of: second) == [])
            try await app.expect(200, "POST", "/api/v1/incidents/\(second)/escalate")
            #expect(try await app.outbox(of: second) == ["1/0 \(Self.bobSlack)", "1/0 \(Self.bobMail)"])
        }
    }

    @Test func levelsFireAtExactlyTheirDelaysWrapAndExhaust() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy(repeat: 1)
            let id = try await open(app)
            // Level 0 at once, in the creating request.
            #expect(try await app.outbox(of: id) == ["0/0 \(Self.alice)"])
            #expect(try await app.timelineMessages(of: id, kind: "paged") == ["Paged level 0: @alice"])

            app.clock.advance(by: 5 * 60 - 1)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).count == 1)
            app.clock.advance(by: 1)
            try await app.application.runEscalations()
            #expect(
                try await app.outbox(of: id) == ["0/0 \(Self.alice)", "1/0 \(Self.bobSlack)", "1/0 \(Self.bobMail)"])
            let level = try await app.incident(id)["escalation_level"] as? Int
            #expect(level == 1)

            // Level 1 waits 10 minutes, then the second pass starts again at level 0.
            app.clock.advance(by: 10 * 60 - 1)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).count == 3)
            app.clock.advance(by: 1)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).last == "0/1 \(Self.alice)")
            let state = try await app.expect(200, "GET", "/api/v1/incidents/\(id)/escalation")
            #expect(state["escalation_level"] as? Int == 0)
            #expect(state["escalation_cycle"] as? Int == 1)

            app.clock.advance(by: 5 * 60)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).suffix(2) == ["1/1 \(Self.bobSlack)", "1/1 \(Self.bobMail)"])

            // After the last level of the last pass: exhausted, nobody more is paged.
            app.clock.advance(by: 10 * 60)
            try await app.application.runEscalations()
            app.clock.advance(by: 3600)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).count == 6)
            let exhausted = try await app.timelineMessages(of: id, kind: "escalation_exhausted")
            #expect(exhausted.count == 1)
            let final = try await app.expect(200, "GET", "/api/v1/incidents/\(id)/escalation")
            #expect(final["exhausted"] as? Bool == true)
            #expect(final["next_escalation_at"] is NSNull)
            let kinds = try await app.timelineKinds(of: id)
            #expect(
                kinds == [
                    "created", "paged", "escalated", "paged", "escalated", "paged", "escalated", "paged",
                    "escalation_exhausted",
                ])

            // A person who escalates now still reaches someone: the last level is paged once more.
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/escalate", json: ["note": "need a DBA"])
            let outbox = try await app.outbox(of: id)
            #expect(outbox.count == 8)
            #expect(outbox.suffix(2) == ["1/1 \(Self.bobSlack)", "1/1 \(Self.bobMail)"])
            let escalated = try await app.timelineMessages(of: id, kind: "escalated")
            #expect(
                escalated.last
                    == "Escalated: the escalation policy has no further level, level 1 paged again: need a DBA")
            #expect(try await app.timelineMessages(of: id, kind: "escalation_exhausted").count == 1)
        }
    }

    @Test func acknowledgeStopsTheTimer() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            let id = try await open(app)
            app.clock.advance(by: 4 * 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/acknowledge")
            app.clock.advance(by: 3600)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id) == ["0/0 \(Self.alice)"])
            let state = try await app.expect(200, "GET", "/api/v1/incidents/\(id)/escalation")
            #expect(state["next_escalation_at"] is NSNull)
        }
    }

    @Test func manualEscalatePagesTheNextLevelAtOnceAndRestartsItsTimer() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy(repeat: 1)
            let id = try await open(app)
            app.clock.advance(by: 2 * 60)
            let escalated = try await app.expect(200, "POST", "/api/v1/incidents/\(id)/escalate")
            #expect(escalated["escalation_level"] as? Int == 1)
            #expect(try await app.outbox(of: id).count == 3)
            // Level 1's own 10 minutes run from the manual escalation, not level 0's 5 from the start.
            app.clock.advance(by: 10 * 60 - 1)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).count == 3)
            app.clock.advance(by: 1)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).last == "0/1 \(Self.alice)")
        }
    }

    @Test func reopenStartsAgainAtLevelZero() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            let id = try await open(app)
            app.clock.advance(by: 5 * 60)
            try await app.application.runEscalations()
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            app.clock.advance(by: 60)
            let reopened = try await app.expect(200, "POST", "/api/v1/incidents/\(id)/reopen")
            #expect(reopened["escalation_level"] as? Int == 0)
            #expect(try await app.outbox(of: id).last == "0/0 \(Self.alice)")
            #expect(try await app.outbox(of: id).count == 4)
            app.clock.advance(by: 5 * 60)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).count == 6)
        }
    }

    /// A second application on the same database file picks up exactly where the first stopped.
    @Test func aRestartNeitherSkipsNorRepeatsAPage() async throws {
        let clock = ManualClock()
        let first = try await TestApplication.start(clock: clock)
        let directory = first.directory
        var id = 0
        do {
            try await first.setUpCheckoutPolicy(repeat: 1)
            id = try await open(first)
            clock.advance(by: 5 * 60)
            try await first.application.runEscalations()
            #expect(try await first.outbox(of: id).count == 3)
            // Level 0 of the second pass falls due while nothing runs.
            clock.advance(by: 10 * 60 + 30)
            await first.stopKeepingFiles()
        } catch {
            await first.stop()
            throw error
        }

        let second = try await TestApplication.start(clock: clock, reusing: directory)
        do {
            try await second.application.runEscalations()
            try await second.application.runEscalations()
            #expect(
                try await second.outbox(of: id) == [
                    "0/0 \(Self.alice)", "1/0 \(Self.bobSlack)", "1/0 \(Self.bobMail)", "0/1 \(Self.alice)",
                ])
            // The next level is due 5 minutes after that page, not counted from the missed time.
            clock.advance(by: 5 * 60 - 1)
            try await second.application.runEscalations()
            #expect(try await second.outbox(of: id).count == 4)
            clock.advance(by: 1)
            try await second.application.runEscalations()
            #expect(try await second.outbox(of: id).count == 6)
            let pages = try await second.timelineMessages(of: id, kind: "paged")
            #expect(
                pages == [
                    "Paged level 0: @alice", "Paged level 1: @bob", "Paged level 0: @alice", "Paged level 1: @bob",
                ])
        } catch {
            await second.stop()
            throw error
        }
        await second.stop()
    }

    @Test func anAlertOpeningAnIncidentPagesLevelZero() async throws {
        try await TestApplication.with { app in
            let key = try await app.setUpCheckoutPolicy()
            let service = try await app.expect(200, "GET", "/api/v1/services/checkout")
            #expect((service["escalation_policy"] as? [String: Any])?["name"] as? String == "checkout")
            let payload = AlertmanagerPayload.group(
                status: "firing",
                alerts: [
                    AlertmanagerPayload.alert("firing", instance: "web-1", severity: "critical", fingerprint: "f1")
                ])
            let answer = try await app.request(
                "POST", "/api/v1/integrations/alertmanager/\(key)", token: nil, json: payload)
            #expect(answer.status == 200)
            let incidents = try await app.incidents()
            let id = try #require(incidents.first?["id"] as? Int)
            #expect(try await app.outbox(of: id) == ["0/0 \(Self.alice)"])
            let listed = try await app.request("GET", "/api/v1/outbox").items()
            #expect(listed.count == 1)
            #expect((listed.first?["payload"] as? [String: Any])?["event"] as? String == "incident.paged")
        }
    }

    @Test func incidentsOfServicesWithoutAPolicyAreNotPaged() async throws {
        try await TestApplication.with { app in
            let incident = try await app.openIncident(["title": "No policy here"])
            let id = try #require(incident["id"] as? Int)
            #expect(try await app.outbox(of: id) == [])
            let state = try await app.expect(200, "GET", "/api/v1/incidents/\(id)/escalation")
            #expect(state["policy"] is NSNull)
        }
    }
}
