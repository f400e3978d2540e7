/// What ingesting one alert did, for the sender's answer and for logs.
public struct AlertOutcome: Hashable, Sendable {
    /// The effect on incidents. Closed: one case per `AlertDecision` case.
    public enum Effect: Hashable, Sendable, CustomStringConvertible {
        /// A new incident was opened.
        case created
        /// Joined the open incident (a new alert of it, or a re-send).
        case attached
        /// Reopened the resolved incident.
        case reopened
        /// Acknowledged the triggered incident.
        case acknowledged
        /// This alert resolved; other alerts of the incident still fire.
        case alertResolved
        /// The incident resolved (its last firing alert resolved).
        case resolved
        /// No incident changed.
        case ignored(AlertIgnoreReason)

        /// `created`, `attached`, ..., `ignored` (the reason is separate).
        public var description: String {
            switch self {
            case .created: "created"
            case .attached: "attached"
            case .reopened: "reopened"
            case .acknowledged: "acknowledged"
            case .alertResolved: "alert_resolved"
            case .resolved: "resolved"
            case .ignored: "ignored"
            }
        }
    }

    public var dedupKey: String
    public var alertKey: String
    /// The incident the alert belongs to now; nil when it was ignored and no incident holds its key.
    public var incidentID: IncidentID?
    public var effect: Effect
    /// The name of the service the alert was routed to (the one its request named, else `default`).
    public var serviceName: String?

    public init(dedupKey: String, alertKey: String, incidentID: IncidentID?, effect: Effect, serviceName: String? = nil)
    {
        self.dedupKey = dedupKey
        self.alertKey = alertKey
        self.incidentID = incidentID
        self.effect = effect
        self.serviceName = serviceName
    }
}
