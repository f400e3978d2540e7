import Foundation
import Testing

/// Bodies are strict inside too: a mistyped member of an SLO, a rotation, an override, an escalation level or
/// target, a maintenance matcher or a user's working hours is 422 naming its path, not dropped (a walkthrough
/// found a rotation's `timezone` silently giving UTC hand-offs and an SLO's `severity_weight` resetting the
/// weights).
@Suite struct NestedStrictBodiesAPITests {
    /// The first error of a 422 answer as (field, message).
    static func firstError(_ response: TestResponse) throws -> (String?, String?) {
        #expect(response.status == 422, "\(response.text)")
        let error = (try response.object()["errors"] as? [[String: Any]])?.first
        return (error?["field"] as? String, error?["message"] as? String)
    }

    @Test func aMistypedMemberInsideAnSLOIsRefusedAndTheWeightsStay() async throws {
        try await TestApplication.with { app in
            let slo: [String: Any] = ["target": 99.9, "window_days": 28, "severity_weights": ["sev3": 0.5]]
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "payments", "slo": slo])
            let typo = try await app.request(
                "PATCH", "/api/v1/services/payments",
                json: ["slo": ["target": 99.9, "window_days": 28, "severity_weight": ["sev3": 0.25]]])
            let (field, message) = try Self.firstError(typo)
            #expect(field == "slo.severity_weight")
            #expect(message == #"is not a known field of this object; did you mean "severity_weights"?"#)
            let service = try await app.expect(200, "GET", "/api/v1/services/payments")
            let weights = (service["slo"] as? [String: Any])?["severity_weights"] as? [String: Any]
            #expect(weights?["sev3"] as? Double == 0.5)
        }
    }

    @Test func aMistypedMemberOfARotationOrAnOverrideIsRefused() async throws {
        try await TestApplication.with { app in
            try await app.expect(
                201, "POST", "/api/v1/users", json: ["handle": "alice", "name": "Alice", "email": "alice@example.com"])
            let rotation: [String: Any] = [
                "users": ["alice"], "shift_length": 1, "shift_unit": "days", "handoff_time": "09:00",
                "start_date": "2026-11-02", "timezone": "America/New_York",
            ]
            var (field, message) = try Self.firstError(
                try await app.request("POST", "/api/v1/schedules", json: ["name": "primary", "rotations": [rotation]]))
            #expect(field == "rotations.0.timezone")
            #expect(message?.hasSuffix(#"did you mean "time_zone"?"#) == true)
            // The mistyped name is reported, not the required one it leaves missing.
            var units = rotation
            units["timezone"] = nil
            units["shift_units"] = units.removeValue(forKey: "shift_unit")
            (field, _) = try Self.firstError(
                try await app.request("POST", "/api/v1/schedules", json: ["name": "primary", "rotations": [units]]))
            #expect(field == "rotations.0.shift_units")
            let override: [String: Any] = [
                "user": "alice", "from": "2026-11-29T12:00:00Z", "until": "2026-11-29T14:00:00Z", "reason": "swap",
            ]
            (field, message) = try Self.firstError(
                try await app.request("POST", "/api/v1/schedules", json: ["name": "primary", "overrides": [override]]))
            #expect(field == "overrides.0.reason")
            #expect(message == "is not a known field of this object (its fields: from, until, user)")
            try await app.expect(404, "GET", "/api/v1/schedules/primary")
        }
    }

    @Test func aMistypedMemberOfAnEscalationLevelOrTargetIsRefused() async throws {
        try await TestApplication.with { app in
            try await app.expect(
                201, "POST", "/api/v1/users", json: ["handle": "alice", "name": "Alice", "email": "alice@example.com"])
            var (field, message) = try Self.firstError(
                try await app.request(
                    "POST", "/api/v1/escalation-policies",
                    json: ["name": "payments", "levels": [["delay_secs": 60, "targets": [["user": "alice"]]]]]))
            #expect(field == "levels.0.delay_secs")
            #expect(message == "is not a known field of this object (its fields: delay_minutes, targets)")
            (field, message) = try Self.firstError(
                try await app.request(
                    "POST", "/api/v1/escalation-policies",
                    json: [
                        "name": "payments",
                        "levels": [["delay_minutes": 5, "targets": [["user": "alice", "urgent": true]]]],
                    ]))
            #expect(field == "levels.0.targets.0.urgent")
            #expect(message == "is not a known field of this object (its fields: schedule, user, webhook)")
            try await app.expect(404, "GET", "/api/v1/escalation-policies/payments")
        }
    }

    @Test func aMistypedMemberOfAMatcherOrOfWorkingHoursIsRefused() async throws {
        try await TestApplication.with { app in
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "checkout"])
            var (field, _) = try Self.firstError(
                try await app.request(
                    "POST", "/api/v1/maintenance-windows",
                    json: [
                        "service": "checkout", "duration_minutes": 60,
                        "matchers": [["label": "env", "op": "=~", "value": "prod.*", "regex": true]],
                    ]))
            #expect(field == "matchers.0.regex")
            (field, _) = try Self.firstError(
                try await app.request(
                    "POST", "/api/v1/users",
                    json: [
                        "handle": "bob", "name": "Bob", "email": "bob@example.com",
                        "working_hours": ["start": "09:00", "end": "17:00", "tz": "Europe/Berlin"],
                    ]))
            #expect(field == "working_hours.tz")
            // Free-form members stay free: labels inside an incident take any name.
            try await app.expect(
                201, "POST", "/api/v1/incidents", json: ["title": "Disk full", "labels": ["timezone": "utc"]])
        }
    }
}
