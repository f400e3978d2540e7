/// One level of an escalation policy: whom to page, and how long to wait for an acknowledgement before
/// the next level.
public struct EscalationLevel: Hashable, Sendable, Codable {
    /// Whole minutes, at least 1.
    public var delayMinutes: Int
    public var targets: [EscalationTarget]

    public init(delayMinutes: Int, targets: [EscalationTarget]) {
        self.delayMinutes = delayMinutes
        self.targets = targets
    }

    /// The delay in seconds.
    public var delay: Double { Double(delayMinutes) * 60 }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case delayMinutes = "delay_minutes"
        case targets
    }
}
