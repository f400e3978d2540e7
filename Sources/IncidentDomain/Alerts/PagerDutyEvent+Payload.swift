extension PagerDutyEvent {
    /// The PagerDuty Common Event Format part of a trigger.
    public struct Payload: Hashable, Sendable, Decodable {
        /// Required for trigger; at most 1,024 characters.
        public var summary: String?
        /// Required for trigger: the affected system, preferably a host name.
        public var source: String?
        /// Required for trigger: critical, error, warning or info.
        public var severity: String?
        /// ISO 8601; PagerDuty's own examples write the offset without a colon (`+0000`).
        public var timestamp: String?
        /// The broken part of the source (`mysql`, `eth0`).
        public var component: String?
        /// A logical grouping of components (`app-stack`).
        public var group: String?
        /// The type of event (`ping failure`).
        public var eventClass: String?
        /// Free-form details (PagerDuty accepts any JSON here).
        public var customDetails: JSONValue?

        public init(
            summary: String?, source: String?, severity: String?, timestamp: String? = nil, component: String? = nil,
            group: String? = nil, eventClass: String? = nil, customDetails: JSONValue? = nil
        ) {
            self.summary = summary
            self.source = source
            self.severity = severity
            self.timestamp = timestamp
            self.component = component
            self.group = group
            self.eventClass = eventClass
            self.customDetails = customDetails
        }

        enum CodingKeys: String, CodingKey {
            case summary, source, severity, timestamp, component, group
            case eventClass = "class"
            case customDetails = "custom_details"
        }
    }
}
