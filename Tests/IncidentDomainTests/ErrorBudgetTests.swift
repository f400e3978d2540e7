import Foundation
import Testing

@testable import IncidentDomain

/// Error-budget arithmetic with hand-computed expectations. `now` is `t0` unless said otherwise.
@Suite struct ErrorBudgetTests {
    /// An impact from `from` to `to` minutes relative to `t0` (nil: still going).
    func impact(_ id: IncidentID, _ severity: Severity, from: Double, to: Double?) -> IncidentImpact {
        IncidentImpact(incident: id, severity: severity, start: at(minutes: from), end: to.map { at(minutes: $0) })
    }

    @Test func budgetIsTheRestOfTheTargetOverTheWindow() {
        // 0.1 % of 28 days = 40.32 minutes exactly; 1 % of 7 days = 100.8 minutes.
        let report = ErrorBudget.report(
            objective: ServiceLevelObjective(target: 99.9, windowDays: 28), impacts: [], now: t0)
        #expect(report.budgetMinutes == 40.32)
        #expect(report.spentMinutes == 0)
        #expect(report.remainingMinutes == 40.32)
        #expect(!report.isExhausted)
        #expect(report.windowStart == at(minutes: -28 * 1440))
        #expect(
            ErrorBudget.report(objective: ServiceLevelObjective(target: 99, windowDays: 7), impacts: [], now: t0)
                .budgetMinutes == 100.8)
    }

    @Test func incidentSpanningTheWindowsEdgeCountsOnlyInsideIt() {
        // Window: the last day. The sev1 started 1 day 30 min ago and was mitigated 1 day − 10 min ago:
        // only the last 10 of its 40 minutes are inside the window.
        let objective = ServiceLevelObjective(target: 99, windowDays: 1)
        let report = ErrorBudget.report(
            objective: objective, impacts: [impact(1, .sev1, from: -1440 - 30, to: -1440 + 10)], now: t0)
        #expect(report.budgetMinutes == 14.4)
        #expect(report.spentMinutes == 10)
        #expect(abs(report.remainingMinutes - 4.4) < 1e-9)
        #expect(report.incidents.map(\.incident) == [1])
        #expect(report.incidents.first?.minutes == 10)
    }

    @Test func overlappingIncidentsOfOneServiceCountWallTimeOnce() {
        // A: −100 → −40 and B: −70 → −10, both sev1: the union is 90 minutes, not 60 + 60 = 120.
        // A started first, so the 30 shared minutes are A's: A 60, B 30.
        let report = ErrorBudget.report(
            objective: ServiceLevelObjective(target: 99.9, windowDays: 28),
            impacts: [impact(1, .sev1, from: -100, to: -40), impact(2, .sev1, from: -70, to: -10)], now: t0)
        #expect(report.spentMinutes == 90)
        #expect(report.incidents.map(\.incident) == [1, 2])
        #expect(report.incidents.map(\.minutes) == [60, 30])
        #expect(report.isExhausted)
        #expect(report.remainingMinutes == 0)
    }

    @Test func eachInstantCountsAtTheHighestWeightOpenThen() {
        // A sev3 (0.25) from −60, still open; B sev1 (1.0) from −40 to −20.
        // Spent: 20 × 0.25 + 20 × 1 + 20 × 0.25 = 30 minutes; A holds 10 of them, B 20.
        let impacts = [impact(1, .sev3, from: -60, to: nil), impact(2, .sev1, from: -40, to: -20)]
        let report = ErrorBudget.report(
            objective: ServiceLevelObjective(target: 99, windowDays: 7), impacts: impacts, now: t0)
        #expect(report.spentMinutes == 30)
        #expect(report.incidents.map(\.incident) == [2, 1])
        #expect(report.incidents.map(\.minutes) == [20, 10])
        // Burn rates: 30 min spent in the last hour, day and week against 0.6, 14.4 and 100.8 allotted.
        let rates = Dictionary(uniqueKeysWithValues: report.burnRates.map { ($0.span, $0.rate) })
        #expect(abs(rates["hour"]! - 50) < 1e-9)
        #expect(abs(rates["day"]! - 30 / 14.4) < 1e-9)
        #expect(abs(rates["week"]! - 30 / 100.8) < 1e-9)
    }

    @Test func severityWeightsAreConfigurable() {
        let impacts = [impact(1, .sev4, from: -60, to: -30), impact(2, .sev2, from: -20, to: -10)]
        let defaults = ErrorBudget.report(
            objective: ServiceLevelObjective(target: 99, windowDays: 7), impacts: impacts, now: t0)
        #expect(defaults.spentMinutes == 5)  // sev4 counts 0, sev2 10 × 0.5
        let custom = ErrorBudget.report(
            objective: ServiceLevelObjective(
                target: 99, windowDays: 7, severityWeights: SeverityWeights(overriding: [.sev4: 0.1, .sev2: 1])),
            impacts: impacts, now: t0)
        #expect(abs(custom.spentMinutes - 13) < 1e-9)  // 30 × 0.1 + 10 × 1
    }

    @Test func releaseGateClosesAtTheExactMinuteTheBudgetRunsOut() {
        // 10 % of one day is 144 minutes; a sev1 open since t0 spends a minute a minute.
        let objective = ServiceLevelObjective(target: 90, windowDays: 1)
        let open = [impact(1, .sev1, from: 0, to: nil)]
        let before = ErrorBudget.report(objective: objective, impacts: open, now: at(minutes: 143.99))
        let exactly = ErrorBudget.report(objective: objective, impacts: open, now: at(minutes: 144))
        #expect(!before.isExhausted)
        #expect(exactly.isExhausted)
        #expect(exactly.remainingMinutes == 0)
    }

    @Test func minutesSpentByOneIncidentLeavesOutWhatAHeavierOneHeld() {
        let a = impact(1, .sev3, from: -60, to: nil)
        let b = impact(2, .sev1, from: -40, to: -20)
        #expect(ErrorBudget.minutesSpent(by: a, now: t0) == 15)  // alone: 60 × 0.25
        #expect(ErrorBudget.minutesSpent(by: a, among: [b], now: t0) == 10)
        #expect(ErrorBudget.minutesSpent(by: b, among: [a], now: t0) == 20)
    }

    @Test func impactStartsAtTheFirstAlertAndEndsAtMitigation() {
        var incident = Incident.make(status: .resolved, severity: .sev1)
        incident.mitigatedAt = at(minutes: 2)
        let impact = IncidentImpact(incident: incident, firstAlertAt: at(minutes: -5))
        #expect(impact.start == at(minutes: -5))
        #expect(impact.end == at(minutes: 2))
        let unmitigated = IncidentImpact(incident: Incident.make(status: .resolved), firstAlertAt: at(minutes: 1))
        #expect(unmitigated.start == t0)  // an alert starting after the creation does not move the start later
        #expect(unmitigated.end == at(minutes: 3))
        incident.impactStartedAt = at(minutes: -30)
        #expect(IncidentImpact(incident: incident, firstAlertAt: at(minutes: -5)).start == at(minutes: -30))
    }

    @Test func objectiveValidationNamesEveryProblem() throws {
        #expect(throws: IncidentError.self) {
            _ = try NewServiceLevelObjective(target: 100, windowDays: 28).validate()
        }
        let problems = fieldErrors {
            _ = try NewServiceLevelObjective(target: 0, windowDays: 91, severityWeights: ["sev9": 1, "sev2": 2])
                .validate()
        }
        #expect(
            problems?.map(\.field) == [
                "slo.target", "slo.window_days", "slo.severity_weights.sev2", "slo.severity_weights.sev9",
            ])
        let valid = try NewServiceLevelObjective(target: 99.5, windowDays: 90, severityWeights: ["sev4": 0.1])
            .validate()
        #expect(valid.severityWeights[.sev4] == 0.1)
        #expect(valid.severityWeights[.sev1] == 1)
        #expect(try NewServiceLevelObjective(target: 0.001, windowDays: 1).validate().windowDays == 1)
    }
}
