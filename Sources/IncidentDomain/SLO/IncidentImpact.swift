import Foundation

/// The time an incident hurt its service, as the error budget counts it: from its first alert (or its
/// creation, whichever is earlier; or an impact start set by hand) to its mitigation, else its resolution,
/// else still going.
public struct IncidentImpact: Hashable, Sendable {
    public var incident: IncidentID
    public var title: String
    /// The incident's current severity: its weight applies to the whole impact.
    public var severity: Severity
    public var start: Date
    /// Nil while the incident is neither mitigated nor resolved: the impact goes on until `now`.
    public var end: Date?

    public init(incident: IncidentID, title: String = "", severity: Severity, start: Date, end: Date?) {
        self.incident = incident
        self.title = title
        self.severity = severity
        self.start = start
        self.end = end
    }

    /// The impact of `incident`. `firstAlertAt` is when its earliest alert started according to its sender;
    /// the incident's `impactStartedAt`, set by hand, wins over both it and the creation.
    public init(incident: Incident, firstAlertAt: Date?) {
        let start = incident.impactStartedAt ?? min(incident.createdAt, firstAlertAt ?? incident.createdAt)
        self.init(
            incident: incident.id, title: incident.title, severity: incident.severity, start: start,
            end: incident.mitigatedAt ?? incident.resolvedAt ?? incident.closedAt)
    }
}
