/// What an alert event asks for. Closed: every sender's vocabulary maps onto these three
/// (Alertmanager `firing`/`resolved`, PagerDuty `trigger`/`acknowledge`/`resolve`, Opsgenie create/ack/close).
public enum AlertAction: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The problem is happening (again).
    case trigger
    /// Someone is on it (PagerDuty and Opsgenie only).
    case acknowledge
    /// The problem is gone at the source.
    case resolve

    public var description: String { rawValue }
}
