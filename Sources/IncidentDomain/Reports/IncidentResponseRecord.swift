import Foundation

/// What response metrics need of one incident, as the store reads it.
public struct IncidentResponseRecord: Hashable, Sendable {
    public var id: IncidentID
    public var status: IncidentStatus
    public var severity: Severity
    /// The service's name; nil for an incident whose service was deleted.
    public var service: String?
    public var createdAt: Date
    /// When its earliest alert started according to its sender; nil when no alert joined it.
    public var firstAlertAt: Date?
    public var acknowledgedAt: Date?
    public var mitigatedAt: Date?
    public var resolvedAt: Date?
    /// `escalated` timeline events (by hand and by the engine).
    public var escalations: Int

    public init(
        id: IncidentID, status: IncidentStatus, severity: Severity, service: String?, createdAt: Date,
        firstAlertAt: Date? = nil, acknowledgedAt: Date? = nil, mitigatedAt: Date? = nil, resolvedAt: Date? = nil,
        escalations: Int = 0
    ) {
        self.id = id
        self.status = status
        self.severity = severity
        self.service = service
        self.createdAt = createdAt
        self.firstAlertAt = firstAlertAt
        self.acknowledgedAt = acknowledgedAt
        self.mitigatedAt = mitigatedAt
        self.resolvedAt = resolvedAt
        self.escalations = escalations
    }

    /// Where the response clock starts: the incident's creation, or its first alert's start when that is
    /// earlier (an alert opened it, and the problem began when the sender says it began firing).
    public var responseStart: Date {
        guard let firstAlertAt else { return createdAt }
        return min(createdAt, firstAlertAt)
    }
}
