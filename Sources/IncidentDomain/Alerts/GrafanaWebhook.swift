/// The body Grafana unified alerting's webhook contact point posts, payload `version` "1": Alertmanager's
/// group envelope (Grafana's notifier is built on it) plus `orgId`, a rendered `title`, `state` and
/// `message`, and per alert `values`, `valueString` and links to silence, dashboard, panel and image.
public struct GrafanaWebhook: Hashable, Sendable, Decodable {
    /// "1"; anything else is refused.
    public var version: String?
    public var groupKey: String?
    public var truncatedAlerts: Int?
    /// `firing` or `resolved`.
    public var status: String?
    public var receiver: String?
    public var orgId: Int64?
    /// Rendered by Grafana's default template, e.g. `[FIRING:2] (blue)`; shown in the timeline only (it
    /// carries a count and a state, which make a poor incident title).
    public var title: String?
    /// `alerting` or `ok`.
    public var state: String?
    /// The rendered notification text for the whole group.
    public var message: String?
    public var groupLabels: [String: String]?
    public var commonLabels: [String: String]?
    public var commonAnnotations: [String: String]?
    public var externalURL: String?
    public var alerts: [Alert]?

    public init(
        version: String? = "1", groupKey: String?, truncatedAlerts: Int? = 0, status: String?,
        receiver: String? = nil, orgId: Int64? = 1, title: String? = nil, state: String? = nil,
        message: String? = nil, groupLabels: [String: String]? = nil, commonLabels: [String: String]? = nil,
        commonAnnotations: [String: String]? = nil, externalURL: String? = nil, alerts: [Alert]?
    ) {
        self.version = version
        self.groupKey = groupKey
        self.truncatedAlerts = truncatedAlerts
        self.status = status
        self.receiver = receiver
        self.orgId = orgId
        self.title = title
        self.state = state
        self.message = message
        self.groupLabels = groupLabels
        self.commonLabels = commonLabels
        self.commonAnnotations = commonAnnotations
        self.externalURL = externalURL
        self.alerts = alerts
    }
}
