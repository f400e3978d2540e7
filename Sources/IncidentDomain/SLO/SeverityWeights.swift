/// How much of an instant of an incident's impact counts against its service's error budget, by the
/// incident's severity: 1.0 spends budget at full speed, 0 not at all.
public struct SeverityWeights: Hashable, Sendable {
    /// Weight per severity; every severity has one.
    public private(set) var weights: [Severity: Double]

    /// sev1 1.0, sev2 0.5, sev3 0.25, sev4 and sev5 0: a full outage spends budget at full speed, minor
    /// incidents not at all.
    public static let `default` = SeverityWeights(weights: [.sev1: 1.0, .sev2: 0.5, .sev3: 0.25, .sev4: 0, .sev5: 0])

    /// The defaults with `overrides` on top; values are expected in 0...1 (validation checks that).
    public init(overriding overrides: [Severity: Double] = [:]) {
        var weights = Self.default.weights
        for (severity, weight) in overrides { weights[severity] = weight }
        self.weights = weights
    }

    private init(weights: [Severity: Double]) {
        self.weights = weights
    }

    public subscript(severity: Severity) -> Double { weights[severity] ?? 0 }
}
