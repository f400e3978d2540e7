/// The body Prometheus Alertmanager's `webhook_config` posts, payload `version` "4": one notification for
/// one alert group (the alerts that share the route's `group_by` labels), re-sent every `group_interval`
/// while the group changes or fires, and once more when it resolves (with `send_resolved`).
///
/// Every field is optional here so that `normalized(now:)` can report all missing ones at once; see
/// `AlertmanagerWebhook+Normalization.swift` for the rules.
public struct AlertmanagerWebhook: Hashable, Sendable, Decodable {
    /// "4"; anything else is refused (the format may have changed under us).
    public var version: String?
    /// Identifies the group (route and group labels), e.g. `{}/{severity="critical"}:{alertname="Probe"}`.
    /// Klaxon's dedup key for the group's incident.
    public var groupKey: String?
    /// How many alerts Alertmanager left out because of the receiver's `max_alerts`.
    public var truncatedAlerts: Int?
    /// `firing` while any alert of the group fires, else `resolved`.
    public var status: String?
    /// The receiver's name in Alertmanager's configuration.
    public var receiver: String?
    public var groupLabels: [String: String]?
    public var commonLabels: [String: String]?
    public var commonAnnotations: [String: String]?
    /// The Alertmanager's own URL, for links back.
    public var externalURL: String?
    public var alerts: [Alert]?

    public init(
        version: String? = "4", groupKey: String?, truncatedAlerts: Int? = 0, status: String?,
        receiver: String? = nil, groupLabels: [String: String]? = nil, commonLabels: [String: String]? = nil,
        commonAnnotations: [String: String]? = nil, externalURL: String? = nil, alerts: [Alert]?
    ) {
        self.version = version
        self.groupKey = groupKey
        self.truncatedAlerts = truncatedAlerts
        self.status = status
        self.receiver = receiver
        self.groupLabels = groupLabels
        self.commonLabels = commonLabels
        self.commonAnnotations = commonAnnotations
        self.externalURL = externalURL
        self.alerts = alerts
    }
}
