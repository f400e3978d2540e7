import Foundation

/// Error-budget arithmetic, pure: the caller passes the impacts of one service's incidents and `now`.
///
/// Budget time is wall time: each instant counts once per service, at the highest weight among the
/// service's incidents whose impact covers it (an interval sweep), so two overlapping sev1 incidents spend
/// the budget once, not twice. That instant is attributed to the incident holding the highest weight then;
/// between equal weights, to the one whose impact started first (then the lower id).
public enum ErrorBudget {
    /// The spans whose burn rate is reported: an hour, a day, a week.
    public static let burnRateSpans: [(name: String, milliseconds: Int64)] = [
        ("hour", 3_600_000), ("day", 86_400_000), ("week", 604_800_000),
    ]

    /// The error budget of `objective` over the window ending at `now`.
    public static func report(
        objective: ServiceLevelObjective, impacts: [IncidentImpact], now: Date
    ) -> ErrorBudgetReport {
        let nowMS = Timestamp.milliseconds(now)
        let windowStart = nowMS - objective.windowMilliseconds
        let weights = objective.severityWeights
        let window = sweep(impacts, weights: weights, from: windowStart, to: nowMS, now: nowMS)
        let burnRates = burnRateSpans.map { span -> BurnRate in
            let spent = sweep(impacts, weights: weights, from: nowMS - span.milliseconds, to: nowMS, now: nowMS).total
            let allotted = objective.budget(ofMilliseconds: span.milliseconds)
            return BurnRate(span: span.name, rate: allotted > 0 ? spent / allotted : 0)
        }
        let titles = Dictionary(impacts.map { ($0.incident, $0) }, uniquingKeysWith: { first, _ in first })
        let spenders = window.byIncident
            .map { id, milliseconds in
                IncidentBudgetSpend(
                    incident: id, title: titles[id]?.title ?? "", severity: titles[id]?.severity ?? .sev5,
                    minutes: milliseconds / 60_000)
            }
            .sorted { $0.minutes != $1.minutes ? $0.minutes > $1.minutes : $0.incident < $1.incident }
        return ErrorBudgetReport(
            objective: objective, windowStart: Timestamp.date(milliseconds: windowStart), now: now,
            budgetMinutes: objective.budget(ofMilliseconds: objective.windowMilliseconds) / 60_000,
            spentMinutes: window.total / 60_000, burnRates: burnRates, incidents: spenders)
    }

    /// Error-budget minutes spent by one incident over its whole impact, at `weights`, when it overlapped
    /// `others` of the same service (the time another, heavier incident held is not counted twice: see the
    /// attribution rule above). Pass no `others` for the incident alone. This is the number a postmortem shows.
    public static func minutesSpent(
        by impact: IncidentImpact, among others: [IncidentImpact] = [], weights: SeverityWeights = .default,
        now: Date
    ) -> Double {
        let nowMS = Timestamp.milliseconds(now)
        var all = others.filter { $0.incident != impact.incident }
        all.append(impact)
        let from = Timestamp.milliseconds(impact.start)
        let to = impact.end.map(Timestamp.milliseconds) ?? nowMS
        let result = sweep(all, weights: weights, from: from, to: min(to, nowMS), now: nowMS)
        return (result.byIncident[impact.incident] ?? 0) / 60_000
    }

    /// Weighted milliseconds of impact in `[from, to)`: the total, and per incident by the attribution rule.
    /// Impacts still going end at `now`.
    static func sweep(
        _ impacts: [IncidentImpact], weights: SeverityWeights, from: Int64, to: Int64, now: Int64
    ) -> (total: Double, byIncident: [IncidentID: Double]) {
        struct Interval {
            let incident: IncidentID
            let start: Int64
            let end: Int64
            let weight: Double
            let originalStart: Int64
        }
        let intervals = impacts.compactMap { impact -> Interval? in
            let weight = weights[impact.severity]
            let originalStart = Timestamp.milliseconds(impact.start)
            let start = max(originalStart, from)
            let end = min(impact.end.map(Timestamp.milliseconds) ?? now, to, now)
            guard weight > 0, end > start else { return nil }
            return Interval(
                incident: impact.incident, start: start, end: end, weight: weight, originalStart: originalStart)
        }
        let boundaries = Set(intervals.flatMap { [$0.start, $0.end] }).sorted()
        var total = 0.0
        var byIncident: [IncidentID: Double] = [:]
        for (low, high) in zip(boundaries, boundaries.dropFirst()) {
            let holder =
                intervals
                .filter { $0.start <= low && $0.end >= high }
                .min { a, b in
                    if a.weight != b.weight { return a.weight > b.weight }
                    if a.originalStart != b.originalStart { return a.originalStart < b.originalStart }
                    return a.incident < b.incident
                }
            guard let holder else { continue }
            let spent = holder.weight * Double(high - low)
            total += spent
            byIncident[holder.incident, default: 0] += spent
        }
        return (total, byIncident)
    }
}

/// Budget spent in a recent span ÷ the budget that span is allotted: 1 spends the budget exactly over
/// the window, 14.4 over an hour empties a 30-day budget in two days.
public struct BurnRate: Hashable, Sendable {
    /// `hour`, `day` or `week`.
    public var span: String
    public var rate: Double
}

/// One incident's share of the spent budget.
public struct IncidentBudgetSpend: Hashable, Sendable {
    public var incident: IncidentID
    public var title: String
    public var severity: Severity
    public var minutes: Double
}

/// A service's error budget at one instant.
public struct ErrorBudgetReport: Hashable, Sendable {
    public var objective: ServiceLevelObjective
    public var windowStart: Date
    public var now: Date
    /// `(100 − target) %` of the window.
    public var budgetMinutes: Double
    public var spentMinutes: Double
    /// Burn rates over the last hour, day and week.
    public var burnRates: [BurnRate]
    /// The incidents that spent budget in the window, most first.
    public var incidents: [IncidentBudgetSpend]

    /// What is left; never below 0.
    public var remainingMinutes: Double { max(0, budgetMinutes - spentMinutes) }

    /// True once the spent budget reaches the budget: the release gate closes.
    public var isExhausted: Bool { spentMinutes >= budgetMinutes }
}
