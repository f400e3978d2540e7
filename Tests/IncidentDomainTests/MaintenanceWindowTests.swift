import Foundation
import IncidentDomain
import Testing

@Suite struct MaintenanceWindowTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [
        ("env", LabelMatcher.Operator.equal, "prod", ["env": "prod"], true),
        ("env", .equal, "prod", ["env": "production"], false),
        ("env", .notEqual, "prod", [:], true),  // a missing label reads as ""
        ("env", .equal, "", [:], true),
        ("host", .matches, "db-[0-9]+", ["host": "db-7"], true),
        ("host", .matches, "db-[0-9]+", ["host": "db-7.internal"], false),  // whole value only
        ("host", .doesNotMatch, "db-.*", ["host": "web-1"], true),
        ("host", .doesNotMatch, "db-.*", ["host": "db-1"], false),
    ])
    func matchersFollowAlertmanagersRules(
        label: String, op: LabelMatcher.Operator, value: String, labels: [String: String], expected: Bool
    ) {
        #expect(LabelMatcher(label: label, op: op, value: value).matches(labels) == expected)
    }

    @Test func aWindowCoversItsServicesMatchingIncidentsOnlyWhileActive() {
        let checkout = ServiceRef(id: 2, name: "checkout")
        let window = MaintenanceWindow(
            id: 1, service: checkout, matchers: [LabelMatcher(label: "env", op: .equal, value: "prod")],
            startsAt: Self.now, endsAt: Self.now.addingTimeInterval(600), reason: "", createdBy: .system,
            createdAt: Self.now)
        var incident = Incident(
            id: 1, title: "x", status: .triggered, severity: .sev3, service: checkout, labels: ["env": "prod"],
            createdAt: Self.now)
        #expect(window.phase(at: Self.now.addingTimeInterval(-1)) == .upcoming)
        #expect(window.phase(at: Self.now) == .active)
        #expect(window.phase(at: Self.now.addingTimeInterval(600)) == .ended)
        #expect(window.covers(incident, at: Self.now.addingTimeInterval(10)))
        #expect(!window.covers(incident, at: Self.now.addingTimeInterval(600)))
        incident.labels["env"] = "staging"
        #expect(!window.covers(incident, at: Self.now.addingTimeInterval(10)))
        incident.labels["env"] = "prod"
        incident.service = ServiceRef(id: 3, name: "search")
        #expect(!window.covers(incident, at: Self.now.addingTimeInterval(10)))
    }

    @Test func aNewWindowStartsNowByDefaultAndEndsByDurationOrTime() throws {
        let byDuration = try NewMaintenanceWindow(
            service: .name("checkout"), matchers: nil, startsAt: nil, endsAt: nil, durationMinutes: 90, reason: nil
        ).validate(now: Self.now)
        #expect(byDuration.startsAt == Self.now)
        #expect(byDuration.endsAt == Self.now.addingTimeInterval(90 * 60))
        #expect(throws: IncidentError.self) {
            try NewMaintenanceWindow(
                service: .name("checkout"), matchers: nil, startsAt: nil, endsAt: nil,
                durationMinutes: NewMaintenanceWindow.longestMinutes + 1, reason: nil
            ).validate(now: Self.now)
        }
    }
}
