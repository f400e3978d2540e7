/// The body of `POST /api/v1/escalation-policies` and `PUT /api/v1/escalation-policies/{id}`.
public struct NewEscalationPolicy: Hashable, Sendable, Codable {
    public var name: String?
    public var levels: [EscalationLevel]?
    public var repeatCount: Int?

    public init(name: String?, levels: [EscalationLevel]?, repeatCount: Int? = nil) {
        self.name = name
        self.levels = levels
        self.repeatCount = repeatCount
    }

    enum CodingKeys: String, CodingKey {
        case name, levels
        case repeatCount = "repeat"
    }

    public static let keys: Set<String> = ["name", "levels", "repeat"]
    public static let nestedKeys: [String: StrictMembers] = [
        "levels": StrictMembers(
            EscalationLevel.CodingKeys.self, nested: ["targets": StrictMembers(EscalationTarget.CodingKeys.self)])
    ]
    /// Levels per policy and targets per level.
    public static let maxLevels = 20
    public static let maxTargets = 20
    /// Extra passes: 0...10.
    public static let repeatRange = 0...10
    /// A level's delay: 1 minute to 7 days.
    public static let delayRange = 1...10_080

    /// Checks the shape; whether each level reaches somebody is `EscalationPolicy.reachability`, which needs
    /// the users and schedules the store reads.
    public func validate() throws(IncidentError) -> EscalationPolicyDraft {
        var validator = FieldValidator()
        let name = validator.name(name, field: "name")
        let levels = levels ?? []
        if levels.isEmpty || levels.count > Self.maxLevels {
            validator.fail("levels", "must have 1 to \(Self.maxLevels) levels")
        }
        for (index, level) in levels.enumerated() {
            if !Self.delayRange.contains(level.delayMinutes) {
                validator.fail(
                    "levels.\(index).delay_minutes",
                    "must be a whole number of minutes from \(Self.delayRange.lowerBound) to \(Self.delayRange.upperBound)"
                )
            }
            if level.targets.isEmpty || level.targets.count > Self.maxTargets {
                validator.fail("levels.\(index).targets", "must have 1 to \(Self.maxTargets) targets")
            }
            for (position, target) in level.targets.enumerated() {
                let field = "levels.\(index).targets.\(position)"
                switch target {
                case .user(let handle):
                    if let problem = FieldValidator.nameProblem(handle) { validator.fail("\(field).user", problem) }
                case .schedule(let name):
                    if let problem = FieldValidator.nameProblem(name) { validator.fail("\(field).schedule", problem) }
                case .webhook(let url):
                    _ = validator.webURL(url, field: "\(field).webhook")
                }
            }
        }
        let repeatCount = repeatCount ?? 0
        if !Self.repeatRange.contains(repeatCount) {
            validator.fail("repeat", "must be from \(Self.repeatRange.lowerBound) to \(Self.repeatRange.upperBound)")
        }
        try validator.finish()
        return EscalationPolicyDraft(name: name ?? "", levels: levels, repeatCount: repeatCount)
    }
}
