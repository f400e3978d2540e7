import Foundation
import IncidentDomain
import Testing

@testable import IncidentAPI

/// SLOs on services, the error budget and the release gate, end to end with the injected clock.
@Suite struct ErrorBudgetAPITests {
    @Test func serviceDeclaresValidatesAndClearsAnSLO() async throws {
        try await TestApplication.with { app in
            let created = try await app.expect(
                201, "POST", "/api/v1/services",
                json: [
                    "name": "payments", "slo": ["target": 99.9, "window_days": 28, "severity_weights": ["sev3": 0.5]],
                ])
            let slo = try #require(created["slo"] as? [String: Any])
            #expect(slo["target"] as? Double == 99.9)
            #expect(slo["window_days"] as? Int == 28)
            #expect(
                slo["severity_weights"] as? [String: Double] == [
                    "sev1": 1, "sev2": 0.5, "sev3": 0.5, "sev4": 0, "sev5": 0,
                ])

            let refused = try await app.request(
                "PATCH", "/api/v1/services/payments", json: ["slo": ["target": 100, "window_days": 0]])
            #expect(refused.status == 422)
            let fields = (try refused.object()["errors"] as? [[String: Any]] ?? []).compactMap {
                $0["field"] as? String
            }
            #expect(fields == ["slo.target", "slo.window_days"])

            let changed = try await app.expect(
                200, "PATCH", "/api/v1/services/payments", json: ["slo": ["target": 99.5, "window_days": 7]])
            #expect((changed["slo"] as? [String: Any])?["window_days"] as? Int == 7)
            let nulled = try await app.request("PATCH", "/api/v1/services/payments", json: ["name": NSNull()])
            #expect(nulled.status == 422, "a null name is refused, not taken as unchanged")
            let renamed = try await app.expect(200, "PATCH", "/api/v1/services/payments", json: ["description": "pay"])
            #expect((renamed["slo"] as? [String: Any])?["target"] as? Double == 99.5)
            let cleared = try await app.expect(200, "PATCH", "/api/v1/services/payments", json: ["slo": NSNull()])
            #expect(cleared["slo"] is NSNull)

            let budget = try await app.expect(200, "GET", "/api/v1/services/payments/slo")
            #expect(budget["slo"] is NSNull)
            let gate = try await app.expect(200, "GET", "/api/v1/services/payments/release-gate")
            #expect(gate["release_allowed"] as? Bool == true)
            #expect(gate["reason"] as? String == "service payments declares no SLO")
            let missing = try await app.request("GET", "/api/v1/services/nothing/slo")
            #expect(missing.status == 404)
        }
    }

    @Test func thePostmortemNamesTheBudgetMinutesItsIncidentSpent() async throws {
        try await TestApplication.with { app in
            try await app.expect(
                201, "POST", "/api/v1/services",
                json: ["name": "payments", "slo": ["target": 99.9, "window_days": 28]])
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "batch"])
            let first = try await app.openIncident([
                "title": "Card declines", "severity": "sev1", "service": "payments",
            ])
            let unmeasured = try await app.openIncident([
                "title": "Slow report", "severity": "sev1", "service": "batch",
            ])
            app.clock.advance(by: 30 * 60)
            let second = try await app.openIncident([
                "title": "Slow checkout", "severity": "sev1", "service": "payments",
            ])
            app.clock.advance(by: 30 * 60)
            for id in [first["id"], second["id"], unmeasured["id"]] {
                try await app.expect(200, "POST", "/api/v1/incidents/\(id as! Int)/resolve")
            }
            // The overlap is counted once, at the first incident: 60 minutes for it, 0 for the second.
            func budget(_ incident: [String: Any]) async throws -> [String: Any] {
                let draft = try await app.expect(
                    200, "GET", "/api/v1/incidents/\(incident["id"] as! Int)/postmortem?format=json")
                let impact = try #require(draft["impact"] as? [String: Any])
                return try #require(impact["error_budget"] as? [String: Any])
            }
            let firstBudget = try await budget(first)
            #expect(firstBudget["declared"] as? Bool == true)
            #expect(firstBudget["minutes"] as? Double == 60)
            let secondBudget = try await budget(second)
            #expect(secondBudget["minutes"] as? Double == 0)
            let unmeasuredBudget = try await budget(unmeasured)
            #expect(unmeasuredBudget["declared"] as? Bool == false)
            #expect(unmeasuredBudget["minutes"] is NSNull)
        }
    }

    @Test func overlappingIncidentsSpendTheBudgetOnceAndNameWhoSpentIt() async throws {
        try await TestApplication.with { app in
            try await app.expect(
                201, "POST", "/api/v1/services",
                json: ["name": "payments", "slo": ["target": 99.9, "window_days": 28]])
            let first = try await app.openIncident([
                "title": "Card declines", "severity": "sev1", "service": "payments",
            ])
            app.clock.advance(by: 30 * 60)
            let second = try await app.openIncident([
                "title": "Slow checkout", "severity": "sev1", "service": "payments",
            ])
            app.clock.advance(by: 30 * 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(first["id"] as! Int)/mitigate")
            app.clock.advance(by: 30 * 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(second["id"] as! Int)/resolve")
            app.clock.advance(by: 60 * 60)

            // 90 minutes of wall time with a sev1 open (not 60 + 60): the first holds its 60, the second 30.
            let budget = try await app.expect(200, "GET", "/api/v1/services/payments/slo")
            #expect(budget["budget_minutes"] as? Double == 40.32)
            #expect(budget["spent_minutes"] as? Double == 90)
            #expect(budget["remaining_minutes"] as? Double == 0)
            #expect(budget["exhausted"] as? Bool == true)
            let spenders = try #require(budget["incidents"] as? [[String: Any]])
            #expect(spenders.map { $0["id"] as? Int } == [first["id"] as? Int, second["id"] as? Int])
            #expect(spenders.map { $0["minutes"] as? Double } == [60, 30])
            // Nothing in the last hour; 90 minutes in the last day, against 1.44 allotted.
            let burn = try #require(budget["burn_rate"] as? [String: Double])
            #expect(burn["hour"] == 0)
            #expect(burn["day"] == 62.5)

            let gate = try await app.request("GET", "/api/v1/services/payments/release-gate")
            #expect(gate.status == 423)
            #expect(try gate.object()["release_allowed"] as? Bool == false)
        }
    }

    @Test func impactSetByHandStartsTheSpendingEarlier() async throws {
        try await TestApplication.with { app in
            try await app.expect(
                201, "POST", "/api/v1/services", json: ["name": "payments", "slo": ["target": 99, "window_days": 7]])
            let opened = try await app.openIncident([
                "title": "Card declines", "severity": "sev2", "service": "payments",
            ])
            let id = opened["id"] as! Int
            let created = try #require(opened["created_at"] as? String)
            let start = Timestamp.format(try #require(Timestamp.parse(created)).addingTimeInterval(-30 * 60))
            let patched = try await app.expect(
                200, "PATCH", "/api/v1/incidents/\(id)", json: ["impact_started_at": start])
            #expect(patched["impact_started_at"] as? String == start)
            app.clock.advance(by: 10 * 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/mitigate")
            // 40 minutes of a sev2 (0.5): 20 minutes of budget.
            let budget = try await app.expect(200, "GET", "/api/v1/services/payments/slo")
            #expect(budget["spent_minutes"] as? Double == 20)

            let future = Timestamp.format(app.clock.now().addingTimeInterval(60))
            let refused = try await app.request("PATCH", "/api/v1/incidents/\(id)", json: ["impact_started_at": future])
            #expect(refused.status == 422)
            let malformed = try await app.request(
                "PATCH", "/api/v1/incidents/\(id)", json: ["impact_started_at": "soon"])
            #expect(malformed.status == 422)
            let cleared = try await app.expect(
                200, "PATCH", "/api/v1/incidents/\(id)", json: ["impact_started_at": NSNull()])
            #expect(cleared["impact_started_at"] is NSNull)
            let after = try await app.expect(200, "GET", "/api/v1/services/payments/slo")
            #expect(after["spent_minutes"] as? Double == 5)
        }
    }

    @Test func releaseGateClosesAtTheExactMinuteTheBudgetRunsOut() async throws {
        try await TestApplication.with { app in
            // 10 % of one day: 144 minutes of budget; a sev1 spends one minute per minute.
            try await app.expect(
                201, "POST", "/api/v1/services", json: ["name": "search", "slo": ["target": 90, "window_days": 1]])
            let reader = try await app.createToken(name: "deploy", scope: "read")
            let opened = try await app.openIncident(["title": "Search down", "severity": "sev1", "service": "search"])

            app.clock.advance(by: 143 * 60 + 59)
            let open = try await app.request("GET", "/api/v1/services/search/release-gate", token: reader)
            #expect(open.status == 200)
            let allowed = try open.object()
            #expect(allowed["release_allowed"] as? Bool == true)
            #expect(allowed["remaining_minutes"] as? Double ?? 0 > 0)

            app.clock.advance(by: 1)
            let closed = try await app.request("GET", "/api/v1/services/search/release-gate", token: reader)
            #expect(closed.status == 423)
            #expect(closed.headers["content-type"] == "application/problem+json")
            let refused = try closed.object()
            #expect(refused["type"] as? String == "https://klaxon.dev/problems/error-budget-exhausted")
            #expect(refused["release_allowed"] as? Bool == false)
            #expect(refused["spent_minutes"] as? Double == 144)
            #expect(refused["remaining_minutes"] as? Double == 0)

            // Mitigating stops the spending, but what was spent stays spent until it leaves the window.
            try await app.expect(200, "POST", "/api/v1/incidents/\(opened["id"] as! Int)/mitigate")
            app.clock.advance(by: 3600)
            let stillClosed = try await app.request("GET", "/api/v1/services/search/release-gate", token: reader)
            #expect(stillClosed.status == 423)
            app.clock.advance(by: 86_400 - 3600)
            let reopened = try await app.request("GET", "/api/v1/services/search/release-gate", token: reader)
            #expect(reopened.status == 200)
        }
    }
}
