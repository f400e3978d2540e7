/// Identifies a escalation policy; encoded as a bare JSON number.
public struct EscalationPolicyID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
