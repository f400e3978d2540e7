import Foundation

/// What the toil report reads from the store: the alerts of the incidents opened since a moment, those
/// incidents, the pages sent for them, and the paged users' working hours.
public struct ToilHistory: Hashable, Sendable {
    /// One alert of one incident.
    public struct Alert: Hashable, Sendable {
        /// The kind of sender (`alertmanager`, `grafana`, `pagerduty`, `opsgenie`, `generic`, ...).
        public var source: String
        /// The `alertname` label when the alert has one, else its title.
        public var name: String
        public var dedupKey: String
        public var incident: IncidentID
        public var timesSeen: Int

        public init(source: String, name: String, dedupKey: String, incident: IncidentID, timesSeen: Int) {
            self.source = source
            self.name = name
            self.dedupKey = dedupKey
            self.incident = incident
            self.timesSeen = timesSeen
        }
    }

    /// One page: a level of an escalation policy reaching one person (or one raw webhook), whatever the
    /// number of their contact methods.
    public struct Page: Hashable, Sendable {
        public var incident: IncidentID
        public var at: Date
        /// The user paged; nil for a raw webhook target.
        public var user: String?

        public init(incident: IncidentID, at: Date, user: String?) {
            self.incident = incident
            self.at = at
            self.user = user
        }
    }

    /// A paged person's working hours in their zone.
    public struct Person: Hashable, Sendable {
        public var timeZone: String
        public var workingHours: WorkingHours

        public init(timeZone: String, workingHours: WorkingHours) {
            self.timeZone = timeZone
            self.workingHours = workingHours
        }
    }

    public var alerts: [Alert]
    public var incidents: [IncidentResponseRecord]
    public var pages: [Page]
    /// By handle.
    public var people: [String: Person]

    public init(
        alerts: [Alert], incidents: [IncidentResponseRecord], pages: [Page], people: [String: Person]
    ) {
        self.alerts = alerts
        self.incidents = incidents
        self.pages = pages
        self.people = people
    }
}
