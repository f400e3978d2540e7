import Foundation

/// An alert as the store keeps it: one per (incident, alert key), updated by re-sends.
public struct StoredAlert: Hashable, Sendable {
    public var id: Int64
    public var incidentID: IncidentID
    public var source: AlertSource
    public var dedupKey: String
    public var alertKey: String
    public var status: AlertStatus
    /// The alert's own headline (`NormalizedAlert.alertTitle`).
    public var title: String
    public var severity: Severity
    public var labels: [String: String]
    public var annotations: [String: String]
    public var links: [AlertLink]
    public var details: [String: JSONValue]
    /// When the problem started and ended according to the sender.
    public var startsAt: Date
    public var endsAt: Date?
    /// When Klaxon first and last received it.
    public var firstSeenAt: Date
    public var lastSeenAt: Date
    /// When it last resolved; nil while firing.
    public var resolvedAt: Date?
    /// How many times it was received (re-sends included).
    public var timesSeen: Int

    public init(
        id: Int64, incidentID: IncidentID, source: AlertSource, dedupKey: String, alertKey: String,
        status: AlertStatus, title: String, severity: Severity, labels: [String: String],
        annotations: [String: String], links: [AlertLink], details: [String: JSONValue], startsAt: Date,
        endsAt: Date?, firstSeenAt: Date, lastSeenAt: Date, resolvedAt: Date?, timesSeen: Int
    ) {
        self.id = id
        self.incidentID = incidentID
        self.source = source
        self.dedupKey = dedupKey
        self.alertKey = alertKey
        self.status = status
        self.title = title
        self.severity = severity
        self.labels = labels
        self.annotations = annotations
        self.links = links
        self.details = details
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.resolvedAt = resolvedAt
        self.timesSeen = timesSeen
    }
}
