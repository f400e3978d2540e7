/// A service's reliability promise: `target` percent of the time over a rolling window of `windowDays`.
/// Its error budget is the rest: `(100 − target) %` of the window, spent by the service's incidents.
public struct ServiceLevelObjective: Hashable, Sendable {
    /// Percent, strictly between 0 and 100 (99.9).
    public var target: Double
    /// The rolling window, 1...90 days.
    public var windowDays: Int
    /// How much each severity's impact counts.
    public var severityWeights: SeverityWeights

    public init(target: Double, windowDays: Int, severityWeights: SeverityWeights = .default) {
        self.target = target
        self.windowDays = windowDays
        self.severityWeights = severityWeights
    }

    /// Allowed window lengths, in days.
    public static let windowDaysRange = 1...90

    /// The window in milliseconds.
    public var windowMilliseconds: Int64 { Int64(windowDays) * 86_400_000 }

    /// The share of any span the budget allows to be spent: 0.001 for 99.9 %.
    public var budgetFraction: Double { (100 - target) / 100 }

    /// The budget of `milliseconds` of wall time, rounded to whole milliseconds (so 99.9 % of 28 days is
    /// exactly 40.32 minutes, not a hair less through binary floating point).
    public func budget(ofMilliseconds milliseconds: Int64) -> Double {
        (Double(milliseconds) * (100 - target) / 100).rounded()
    }
}
