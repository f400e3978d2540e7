extension AlertmanagerWebhook {
    /// One alert of an Alertmanager group.
    public struct Alert: Hashable, Sendable, Decodable {
        /// `firing` or `resolved`.
        public var status: String?
        public var labels: [String: String]?
        public var annotations: [String: String]?
        /// RFC 3339 with up to nanoseconds (`2026-11-27T08:30:00.123456789Z`).
        public var startsAt: String?
        /// RFC 3339; Go's zero time `0001-01-01T00:00:00Z` while firing.
        public var endsAt: String?
        /// The Prometheus expression browser link of the rule.
        public var generatorURL: String?
        /// 16 hex digits: Alertmanager's hash of the labels, stable for the alert.
        public var fingerprint: String?

        public init(
            status: String?, labels: [String: String]?, annotations: [String: String]? = nil,
            startsAt: String? = nil, endsAt: String? = nil, generatorURL: String? = nil, fingerprint: String? = nil
        ) {
            self.status = status
            self.labels = labels
            self.annotations = annotations
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.generatorURL = generatorURL
            self.fingerprint = fingerprint
        }
    }
}
