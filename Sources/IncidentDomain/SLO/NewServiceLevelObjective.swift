/// The `slo` member of a service body, as the client sent it:
/// `{"target": 99.9, "window_days": 28, "severity_weights": {"sev2": 0.75}}` (weights optional, merged
/// over the defaults). `validate(field:)` makes a `ServiceLevelObjective`.
public struct NewServiceLevelObjective: Hashable, Sendable, Codable {
    public var target: Double?
    public var windowDays: Int?
    public var severityWeights: [String: Double]?

    public init(target: Double?, windowDays: Int?, severityWeights: [String: Double]? = nil) {
        self.target = target
        self.windowDays = windowDays
        self.severityWeights = severityWeights
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case target
        case windowDays = "window_days"
        case severityWeights = "severity_weights"
    }

    /// A service body's members holding an SLO (see `StrictMembers`); the weights' names are checked by
    /// `FieldValidator.objective`.
    public static let nestedKeys: [String: StrictMembers] = [
        "slo": StrictMembers(CodingKeys.self)
    ]

    /// Checks every member and reports all problems at once as `.validation`, with fields under `field`.
    public func validate(field: String = "slo") throws(IncidentError) -> ServiceLevelObjective {
        var validator = FieldValidator()
        validator.objective(self, field: field)
        try validator.finish()
        return makeObjective()
    }

    /// The objective, for input `FieldValidator.objective` accepted.
    func makeObjective() -> ServiceLevelObjective {
        var overrides: [Severity: Double] = [:]
        for (name, weight) in severityWeights ?? [:] {
            if let severity = Severity(rawValue: name) { overrides[severity] = weight }
        }
        return ServiceLevelObjective(
            target: target ?? 0, windowDays: windowDays ?? 0, severityWeights: SeverityWeights(overriding: overrides))
    }
}

extension FieldValidator {
    /// Records the problems of an SLO body; true when it is valid.
    @discardableResult
    mutating func objective(_ objective: NewServiceLevelObjective, field: String) -> Bool {
        let before = errors.count
        if let target = objective.target {
            if !(target > 0 && target < 100) {
                fail("\(field).target", "must be a percentage strictly between 0 and 100 (such as 99.9)")
            }
        } else {
            fail("\(field).target", "is required")
        }
        if let days = objective.windowDays {
            if !ServiceLevelObjective.windowDaysRange.contains(days) {
                fail("\(field).window_days", "must be a whole number of days from 1 to 90")
            }
        } else {
            fail("\(field).window_days", "is required")
        }
        for (name, weight) in (objective.severityWeights ?? [:]).sorted(by: { $0.key < $1.key }) {
            if Severity(rawValue: name) == nil {
                fail("\(field).severity_weights.\(name)", "is not a severity; " + Severity.expectation)
            } else if !(weight >= 0 && weight <= 1) {
                fail("\(field).severity_weights.\(name)", "must be a number from 0 to 1")
            }
        }
        return errors.count == before
    }
}
