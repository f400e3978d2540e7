/// A validated policy body; made only by `NewEscalationPolicy.validate()`.
public struct EscalationPolicyDraft: Hashable, Sendable {
    public internal(set) var name: String
    public internal(set) var levels: [EscalationLevel]
    public internal(set) var repeatCount: Int
}
