import Foundation
import Testing

/// Maintenance windows end to end: incidents still open during a window, nobody is paged, running escalations
/// hold, and when the window is over a still-triggered incident pages the level it stands at.
@Suite struct MaintenanceWindowAPITests {
    static let alice = "0/0 http://127.0.0.1:9/alice"

    func open(_ app: TestApplication, labels: [String: String] = [:]) async throws -> Int {
        let incident = try await app.expect(
            201, "POST", "/api/v1/incidents", json: ["title": "Checkout down", "service": "checkout", "labels": labels])
        return try #require(incident["id"] as? Int)
    }

    static func rfc3339(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    @Test func aPersonWhoEscalatesDuringAWindowIsHeardButTheTimerStaysHeld() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            try await app.expect(
                201, "POST", "/api/v1/maintenance-windows",
                json: ["service": "checkout", "duration_minutes": 60, "reason": "database upgrade"])
            let id = try await open(app)
            #expect(try await app.outbox(of: id) == [])
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/escalate", json: ["note": "need the db team"])
            let paged = try await app.outbox(of: id)
            #expect(!paged.isEmpty && paged.allSatisfy { $0.hasPrefix("1/0 ") }, "\(paged)")
            app.clock.advance(by: 30 * 60)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id) == paged, "no timer runs during the window")
            #expect(
                try await app.timelineMessages(of: id, kind: "escalated").count == 1, "only the person's escalation")
        }
    }

    @Test func anIncidentHeldByAWindowAndMovedToAnotherServiceIsPagedOnce() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            try await app.expect(
                201, "POST", "/api/v1/escalation-policies",
                json: ["name": "payments", "levels": [["delay_minutes": 30, "targets": [["user": "alice"]]]]])
            try await app.expect(
                201, "POST", "/api/v1/services", json: ["name": "payments", "escalation_policy": "payments"])
            try await app.expect(
                201, "POST", "/api/v1/maintenance-windows",
                json: ["service": "checkout", "duration_minutes": 60, "reason": "database upgrade"])
            let id = try await open(app)
            #expect(try await app.outbox(of: id) == [])
            try await app.expect(200, "PATCH", "/api/v1/incidents/\(id)", json: ["service": "payments"])
            #expect(try await app.outbox(of: id) == [Self.alice])
            app.clock.advance(by: 2)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id) == [Self.alice], "not paged again as if a window had just ended")
        }
    }

    @Test func anActiveWindowHoldsTheFirstPageAndTheLevelIsPagedWhenItEnds() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            let window = try await app.expect(
                201, "POST", "/api/v1/maintenance-windows",
                json: ["service": "checkout", "duration_minutes": 60, "reason": "database upgrade"])
            #expect(window["state"] as? String == "active")
            #expect((window["service"] as? [String: Any])?["name"] as? String == "checkout")

            let id = try await open(app)
            #expect(try await app.outbox(of: id) == [])
            // The incident's escalation says why nobody is paged.
            let state = try await app.expect(200, "GET", "/api/v1/incidents/\(id)/escalation")
            let heldBy = try #require(state["held_by"] as? [String: Any])
            #expect(heldBy["id"] as? Int == window["id"] as? Int)
            #expect(heldBy["reason"] as? String == "database upgrade")
            #expect(heldBy["ends_at"] as? String == window["ends_at"] as? String)
            let held = try await app.timelineMessages(of: id, kind: "escalation_held")
            #expect(held.count == 1)
            #expect(held.first?.contains("database upgrade") == true)
            // Level 0's 5 minutes pass during the window: no timer runs, nobody is paged.
            app.clock.advance(by: 59 * 60)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id) == [])

            // The window is over and nobody acknowledged: level 0 is paged now, and its timer starts again.
            app.clock.advance(by: 60)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id) == [Self.alice])
            #expect(try await app.timelineMessages(of: id, kind: "escalation_resumed").count == 1)
            #expect(try await app.expect(200, "GET", "/api/v1/incidents/\(id)/escalation")["held_by"] is NSNull)
            app.clock.advance(by: 5 * 60)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id).count == 3)  // level 1: bob by Slack and by mail
        }
    }

    @Test func aScheduledWindowStopsRunningEscalationsAndResumesOnlyTriggeredOnes() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            let quiet = try await open(app)
            let handled = try await open(app, labels: ["x": "y"])
            #expect(try await app.outbox(of: quiet) == [Self.alice])
            let start = app.clock.now().addingTimeInterval(120)
            let window = try await app.expect(
                201, "POST", "/api/v1/maintenance-windows",
                json: [
                    "service": "checkout", "starts_at": Self.rfc3339(start),
                    "ends_at": Self.rfc3339(start.addingTimeInterval(30 * 60)),
                ])
            #expect(window["state"] as? String == "upcoming")

            app.clock.advance(by: 120)
            try await app.application.runEscalations()
            for id in [quiet, handled] {
                let messages = try await app.timelineMessages(of: id, kind: "escalation_held")
                #expect(messages.count == 1)
                #expect(messages.first?.contains("escalation stopped at level 0") == true)
                let state = try await app.expect(200, "GET", "/api/v1/incidents/\(id)/escalation")
                #expect(state["next_escalation_at"] is NSNull)
            }
            // Level 1 would have been paged 5 minutes after opening; the window holds it.
            app.clock.advance(by: 10 * 60)
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: quiet) == [Self.alice])
            try await app.expect(200, "POST", "/api/v1/incidents/\(handled)/acknowledge")

            app.clock.advance(by: 20 * 60)
            try await app.application.runEscalations()
            // Still triggered: its level (0) is paged again. Acknowledged meanwhile: nothing.
            #expect(try await app.outbox(of: quiet) == [Self.alice, Self.alice])
            #expect(try await app.outbox(of: handled) == [Self.alice])
            #expect(try await app.timelineMessages(of: handled, kind: "escalation_resumed") == [])
            // A second pass changes nothing.
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: quiet).count == 2)
        }
    }

    @Test func labelMatchersChooseWhichIncidentsAreHeld() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            try await app.expect(
                201, "POST", "/api/v1/maintenance-windows",
                json: [
                    "matchers": [
                        ["label": "env", "op": "=", "value": "staging"],
                        ["label": "instance", "op": "=~", "value": "db-[0-9]+"],
                    ],
                    "duration_minutes": 30,
                ])
            let staging = try await open(app, labels: ["env": "staging", "instance": "db-12"])
            let production = try await open(app, labels: ["env": "prod", "instance": "db-12"])
            let partly = try await open(app, labels: ["env": "staging", "instance": "db-12.internal"])
            #expect(try await app.outbox(of: staging) == [])
            #expect(try await app.outbox(of: production) == [Self.alice])
            #expect(try await app.outbox(of: partly) == [Self.alice])  // regular expressions match whole values
        }
    }

    @Test func windowsAreListedChangedEndedAndDeleted() async throws {
        try await TestApplication.with { app in
            try await app.setUpCheckoutPolicy()
            let later = app.clock.now().addingTimeInterval(3600)
            let upcoming = try await app.expect(
                201, "POST", "/api/v1/maintenance-windows",
                json: ["service": "checkout", "starts_at": Self.rfc3339(later), "duration_minutes": 30])
            let now = try await app.expect(
                201, "POST", "/api/v1/maintenance-windows", json: ["service": "checkout", "duration_minutes": 30])
            let nowID = try #require(now["id"] as? Int)
            let active = try await app.request("GET", "/api/v1/maintenance-windows?state=active").items()
            #expect(active.map { $0["id"] as? Int } == [nowID])
            #expect(try await app.request("GET", "/api/v1/maintenance-windows").items().count == 2)

            let id = try await open(app)
            #expect(try await app.outbox(of: id) == [])
            app.clock.advance(by: 60)
            for field in ["ends_at", "reason"] {
                let nulled = try await app.request(
                    "PATCH", "/api/v1/maintenance-windows/\(nowID)", json: [field: NSNull()])
                #expect(nulled.status == 422, "\(field): null is refused, not taken as unchanged")
            }
            // Ending it early: an end in the past is taken as now; the held page goes out at the next pass.
            let ended = try await app.expect(
                200, "PATCH", "/api/v1/maintenance-windows/\(nowID)",
                json: ["ends_at": Self.rfc3339(app.clock.now().addingTimeInterval(-600)), "reason": "done early"])
            #expect(ended["state"] as? String == "ended")
            #expect(ended["reason"] as? String == "done early")
            try await app.application.runEscalations()
            #expect(try await app.outbox(of: id) == [Self.alice])

            let upcomingID = try #require(upcoming["id"] as? Int)
            let deleted = try await app.request("DELETE", "/api/v1/maintenance-windows/\(upcomingID)")
            #expect(deleted.status == 204)
            // Kept for the record: who deleted it and when, and its id is never given to another window.
            let record = try await app.expect(200, "GET", "/api/v1/maintenance-windows/\(upcomingID)")
            #expect(record["state"] as? String == "deleted")
            #expect(record["deleted_by"] as? String == "admin")
            #expect(record["deleted_at"] as? String != nil)
            let gone = try await app.request("GET", "/api/v1/maintenance-windows?state=deleted").items()
            #expect(gone.map { $0["id"] as? Int } == [upcomingID])
            #expect(try await app.request("DELETE", "/api/v1/maintenance-windows/\(upcomingID)").status == 409)
            let patched = try await app.request(
                "PATCH", "/api/v1/maintenance-windows/\(upcomingID)", json: ["reason": "again"])
            #expect(patched.status == 409)
            let fresh = try await app.expect(
                201, "POST", "/api/v1/maintenance-windows",
                json: ["service": "checkout", "starts_at": Self.rfc3339(later), "duration_minutes": 30])
            #expect((fresh["id"] as? Int ?? 0) > max(upcomingID, nowID), "a deleted window's id is not given again")
            #expect(try await app.request("GET", "/api/v1/maintenance-windows/abc").status == 400)
            #expect(try await app.request("GET", "/api/v1/maintenance-windows?state=soon").status == 400)
        }
    }

    @Test func badWindowsAreClearProblems() async throws {
        try await TestApplication.with { app in
            func problemFields(_ body: [String: Any]) async throws -> [String] {
                let response = try await app.request("POST", "/api/v1/maintenance-windows", json: body)
                #expect(response.status == 422, "\(body)")
                let errors = try response.object()["errors"] as? [[String: Any]] ?? []
                return errors.compactMap { $0["field"] as? String }
            }
            #expect(try await problemFields(["duration_minutes": 10]) == ["service"])
            #expect(try await problemFields(["service": "nowhere", "duration_minutes": 10]) == ["service"])
            #expect(try await problemFields(["service": "default"]) == ["ends_at"])
            #expect(
                try await problemFields([
                    "service": "default", "duration_minutes": 10, "ends_at": "2030-01-01T00:00:00Z",
                ])
                    == ["duration_minutes"])
            #expect(try await problemFields(["service": "default", "duration_minutes": 0]) == ["duration_minutes"])
            #expect(try await problemFields(["service": "default", "ends_at": "yesterday"]) == ["ends_at"])
            #expect(try await problemFields(["service": "default", "ends_at": "2020-01-01T00:00:00Z"]) == ["ends_at"])
            #expect(
                try await problemFields([
                    "matchers": [["label": "env", "op": "~", "value": "x"]], "duration_minutes": 5,
                ]) == ["matchers.0.op"])
            #expect(
                try await problemFields([
                    "matchers": [["label": "env", "op": "=~", "value": "(unclosed"]], "duration_minutes": 5,
                ]) == ["matchers.0"])
            let unknownKey = try await app.request(
                "POST", "/api/v1/maintenance-windows",
                json: ["service": "default", "duration_minutes": 5, "until": "x"])
            #expect(unknownKey.status == 422 || unknownKey.status == 400)
            let reader = try await app.createToken(name: "viewer", scope: "read")
            let forbidden = try await app.request(
                "POST", "/api/v1/maintenance-windows", token: reader,
                json: ["service": "default", "duration_minutes": 5])
            #expect(forbidden.status == 403)
            // A window decides who is woken: admin, as policies and schedules (issue 4's scope ladder).
            let writer = try await app.createToken(name: "deployer", scope: "write")
            let notAdmin = try await app.request(
                "POST", "/api/v1/maintenance-windows", token: writer,
                json: ["service": "default", "duration_minutes": 5])
            #expect(notAdmin.status == 403)
            // Matchers an unlabelled incident satisfies would hold every service's pages.
            for matchers in [
                [["label": "env", "op": "!=", "value": "prod"]],
                [["label": "team", "op": "=~", "value": ".*"]],
                [["label": "env", "op": "!~", "value": "prod|staging"], ["label": "team", "op": "=", "value": ""]],
            ] {
                #expect(try await problemFields(["matchers": matchers, "duration_minutes": 5]) == ["matchers"])
            }
            // One matcher that needs a value, or a service, is enough.
            try await app.expect(
                201, "POST", "/api/v1/maintenance-windows",
                json: [
                    "matchers": [
                        ["label": "env", "op": "!=", "value": "prod"], ["label": "team", "op": "=", "value": "infra"],
                    ],
                    "duration_minutes": 5,
                ])
            try await app.expect(
                201, "POST", "/api/v1/maintenance-windows",
                json: [
                    "service": "default", "matchers": [["label": "env", "op": "!=", "value": "prod"]],
                    "duration_minutes": 5,
                ])
        }
    }
}
