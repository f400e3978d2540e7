/// Which kind of sender an alert came from. An open set (stored as text): a later receiver adds its own
/// static member without touching the decision rules, which read `reopensResolvedIncidents`.
public struct AlertSource: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Prometheus Alertmanager webhook, payload version 4.
    public static let alertmanager = AlertSource(rawValue: "alertmanager")
    /// Grafana unified alerting webhook contact point, payload version 1.
    public static let grafana = AlertSource(rawValue: "grafana")
    /// PagerDuty Events API v2 (`/v2/enqueue`).
    public static let pagerDuty = AlertSource(rawValue: "pagerduty")
    /// Opsgenie Alert API v2 (`/v2/alerts`).
    public static let opsgenie = AlertSource(rawValue: "opsgenie")
    /// Klaxon's own simple JSON (`/api/v1/integrations/generic`).
    public static let generic = AlertSource(rawValue: "generic")

    /// The sources whose senders expect an alert that fires again soon after its incident resolved to reopen
    /// that incident (Alertmanager, Grafana, generic). PagerDuty- and Opsgenie-style senders keep their own
    /// documented rule instead: a trigger after resolve opens a new incident.
    public var reopensResolvedIncidents: Bool {
        self == .alertmanager || self == .grafana || self == .generic
    }

    /// The timeline actor for events this source causes (`integration:alertmanager`, ...).
    public var principal: Principal { Principal(kind: .integration, name: rawValue) }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
