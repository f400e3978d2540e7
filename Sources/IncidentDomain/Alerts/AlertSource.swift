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

    /// HTTP statuses on which this sender retries the same request later (so a transient failure must be
    /// answered with one of them, and a payload that can never succeed must not be).
    ///
    /// - Alertmanager (and Grafana, built on its notifier) retries 5xx and gives up on 4xx, 429 included,
    ///   so Klaxon answers a rate limit with 503 + `Retry-After` there.
    /// - PagerDuty Events v2 clients retry 429 and every 5xx; 400 is final.
    /// - Opsgenie clients retry 429 and 5xx.
    /// - Generic senders are told to retry 429 and 5xx as well.
    public func retries(status: Int) -> Bool {
        if (500...599).contains(status) { return true }
        if status == 429 { return self != .alertmanager && self != .grafana }
        return false
    }

    /// The status for "too many requests" in this sender's retry language: 503 for Alertmanager and Grafana
    /// (which drop 429s), 429 for the others.
    public var rateLimitedStatus: Int {
        self == .alertmanager || self == .grafana ? 503 : 429
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
