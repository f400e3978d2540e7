import Foundation

/// Where an incident stands in its escalation policy; kept by the store next to the incident, so the
/// engine picks up after a restart exactly where it was.
public struct EscalationState: Hashable, Sendable {
    public var incidentID: IncidentID
    public var policyID: EscalationPolicyID
    /// The 0-based index of the level most recently paged (the incident's `escalation_level`).
    public var level: Int
    /// Completed passes over all levels.
    public var cycle: Int
    /// When the current level's delay runs out; nil while the timer is stopped (not triggered, exhausted).
    public var nextEscalationAt: Date?
    /// True once every level was paged `repeat + 1` times: nothing more will be paged.
    public var exhausted: Bool

    public init(
        incidentID: IncidentID, policyID: EscalationPolicyID, level: Int = 0, cycle: Int = 0,
        nextEscalationAt: Date? = nil, exhausted: Bool = false
    ) {
        self.incidentID = incidentID
        self.policyID = policyID
        self.level = level
        self.cycle = cycle
        self.nextEscalationAt = nextEscalationAt
        self.exhausted = exhausted
    }
}
