/// What a person, an alert source or the escalation engine does to an incident; each is an endpoint
/// `POST /api/v1/incidents/{id}/<action>`. The lifecycle rules are in `Incident+Transitions.swift`.
public enum IncidentAction: String, CaseIterable, Codable, Hashable, Sendable, CustomStringConvertible {
    case acknowledge, escalate, mitigate, resolve, close, reopen

    /// Parses the action's path segment exactly (`"acknowledge"`), or nil.
    public init?(parsing text: some StringProtocol) {
        self.init(rawValue: String(text))
    }

    public var description: String { rawValue }
}
