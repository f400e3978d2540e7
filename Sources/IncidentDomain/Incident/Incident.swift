import Foundation

/// An incident as stored and served: something is wrong, and people (or alert sources) drive it
/// through the lifecycle. A value: the lifecycle and edits produce new values (`applying(...)`), the
/// store persists them together with their timeline events.
///
/// Timestamps: `acknowledgedAt` and `mitigatedAt` record the *first* time the incident reached that
/// stage and are never cleared, so time-to-acknowledge and time-to-mitigate stay honest across reopens;
/// `resolvedAt` is the current resolution and is cleared by `reopen`; `closedAt` is set once.
/// The timeline holds the full history.
public struct Incident: Hashable, Sendable, Codable, Identifiable {
    public var id: IncidentID
    /// One-line headline, 1...200 characters.
    public var title: String
    /// Longer description, possibly empty.
    public var summary: String
    public var status: IncidentStatus
    public var severity: Severity
    /// The affected service, if known.
    public var service: ServiceRef?
    /// Who leads the response (a token name today, a user handle later).
    public var commander: String?
    public var labels: [String: String]
    /// The key alert sources and clients use to avoid opening the same incident twice.
    public var dedupKey: String?
    /// 0 when new; +1 per escalation; back to 0 on reopen (the escalation engine starts over).
    public var escalationLevel: Int
    public var createdAt: Date
    /// The last change of the incident itself (actions and edits; notes and other timeline-only events
    /// do not count).
    public var updatedAt: Date
    /// First acknowledgement (explicit, or implied by a mitigation); nil if nobody ever acknowledged.
    public var acknowledgedAt: Date?
    /// First mitigation; nil if it was resolved without one.
    public var mitigatedAt: Date?
    /// When it was resolved; nil while open.
    public var resolvedAt: Date?
    /// When it was closed; set once, closed is final.
    public var closedAt: Date?
    /// When its impact began, set by hand; nil counts from its first alert or creation (error budgets).
    public var impactStartedAt: Date?
    /// 1 when created, +1 on every change; clients send it back in `If-Match`.
    public var version: Int

    public init(
        id: IncidentID,
        title: String,
        summary: String = "",
        status: IncidentStatus = .triggered,
        severity: Severity = .default,
        service: ServiceRef? = nil,
        commander: String? = nil,
        labels: [String: String] = [:],
        dedupKey: String? = nil,
        escalationLevel: Int = 0,
        createdAt: Date,
        updatedAt: Date? = nil,
        acknowledgedAt: Date? = nil,
        mitigatedAt: Date? = nil,
        resolvedAt: Date? = nil,
        closedAt: Date? = nil,
        impactStartedAt: Date? = nil,
        version: Int = 1
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.status = status
        self.severity = severity
        self.service = service
        self.commander = commander
        self.labels = labels
        self.dedupKey = dedupKey
        self.escalationLevel = escalationLevel
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.acknowledgedAt = acknowledgedAt
        self.mitigatedAt = mitigatedAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.impactStartedAt = impactStartedAt
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case id, title, summary, status, severity, service, commander, labels
        case dedupKey = "dedup_key"
        case escalationLevel = "escalation_level"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case acknowledgedAt = "acknowledged_at"
        case mitigatedAt = "mitigated_at"
        case resolvedAt = "resolved_at"
        case closedAt = "closed_at"
        case impactStartedAt = "impact_started_at"
        case version
    }

    /// Encodes every optional key, as `null` when absent, so clients see a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(summary, forKey: .summary)
        try container.encode(status, forKey: .status)
        try container.encode(severity, forKey: .severity)
        try container.encode(service, forKey: .service)
        try container.encode(commander, forKey: .commander)
        try container.encode(labels, forKey: .labels)
        try container.encode(dedupKey, forKey: .dedupKey)
        try container.encode(escalationLevel, forKey: .escalationLevel)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(acknowledgedAt, forKey: .acknowledgedAt)
        try container.encode(mitigatedAt, forKey: .mitigatedAt)
        try container.encode(resolvedAt, forKey: .resolvedAt)
        try container.encode(closedAt, forKey: .closedAt)
        try container.encode(impactStartedAt, forKey: .impactStartedAt)
        try container.encode(version, forKey: .version)
    }

    /// Throws `.versionMismatch` when the client expected another version (`If-Match`); nil expects nothing.
    public func check(expectedVersion: Int?) throws(IncidentError) {
        if let expectedVersion, expectedVersion != version {
            throw .versionMismatch(expected: expectedVersion, actual: version)
        }
    }
}
