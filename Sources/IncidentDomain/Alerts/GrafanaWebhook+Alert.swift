extension GrafanaWebhook {
    /// One alert of a Grafana notification: Alertmanager's alert fields plus Grafana's links and values.
    public struct Alert: Hashable, Sendable, Decodable {
        public var status: String?
        public var labels: [String: String]?
        public var annotations: [String: String]?
        public var startsAt: String?
        public var endsAt: String?
        /// The alert rule's page in Grafana.
        public var generatorURL: String?
        public var fingerprint: String?
        /// Creates a silence for this alert's labels.
        public var silenceURL: String?
        /// Empty when the rule is not tied to a dashboard.
        public var dashboardURL: String?
        /// Empty when the rule is not tied to a panel.
        public var panelURL: String?
        /// A screenshot of the panel, when Grafana took one.
        public var imageURL: String?
        /// The values of the rule's expressions by reference id (`{"B": 44.2, "C": 1}`).
        public var values: [String: JSONValue]?
        /// The older text form of the values (`[ metric='' labels={} value=14151.3 ]`).
        public var valueString: String?

        public init(
            status: String?, labels: [String: String]?, annotations: [String: String]? = nil,
            startsAt: String? = nil, endsAt: String? = nil, generatorURL: String? = nil, fingerprint: String? = nil,
            silenceURL: String? = nil, dashboardURL: String? = nil, panelURL: String? = nil,
            imageURL: String? = nil, values: [String: JSONValue]? = nil, valueString: String? = nil
        ) {
            self.status = status
            self.labels = labels
            self.annotations = annotations
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.generatorURL = generatorURL
            self.fingerprint = fingerprint
            self.silenceURL = silenceURL
            self.dashboardURL = dashboardURL
            self.panelURL = panelURL
            self.imageURL = imageURL
            self.values = values
            self.valueString = valueString
        }
    }
}
