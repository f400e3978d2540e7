import Foundation

/// A stretch of time in which incidents of a service, or incidents whose labels match, page nobody: they are
/// still opened (nothing is lost), but their escalation holds until the window ends, and then pages the
/// level it stands at if the incident is still triggered.
public struct MaintenanceWindow: Hashable, Sendable, Identifiable {
    public enum Phase: String, Sendable {
        /// `deleted`: kept for the record (who held paging, and which window a timeline names); holds nothing.
        case upcoming, active, ended, deleted
    }

    public var id: MaintenanceWindowID
    /// nil: incidents of every service, as far as `matchers` allow.
    public var service: ServiceRef?
    /// All must match the incident's labels (none: the whole service).
    public var matchers: [LabelMatcher]
    public var startsAt: Date
    public var endsAt: Date
    public var reason: String
    public var createdBy: Principal
    public var createdAt: Date
    /// When and by whom it was deleted; a deleted window holds nothing, and its id is never given again.
    public var deletedAt: Date?
    public var deletedBy: Principal?

    public init(
        id: MaintenanceWindowID, service: ServiceRef?, matchers: [LabelMatcher], startsAt: Date, endsAt: Date,
        reason: String, createdBy: Principal, createdAt: Date, deletedAt: Date? = nil, deletedBy: Principal? = nil
    ) {
        self.deletedAt = deletedAt
        self.deletedBy = deletedBy
        self.id = id
        self.service = service
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.reason = reason
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// Active from `startsAt` (inclusive) to `endsAt` (exclusive), unless deleted.
    public func phase(at now: Date) -> Phase {
        if deletedAt != nil { return .deleted }
        if now < startsAt { return .upcoming }
        return now < endsAt ? .active : .ended
    }

    /// Whether this window holds the pages of `incident` at `now`.
    public func covers(_ incident: Incident, at now: Date) -> Bool {
        guard phase(at: now) == .active else { return false }
        if let service, incident.service?.id != service.id { return false }
        return matchers.allSatisfy { $0.matches(incident.labels) }
    }

    /// The timeline's sentence for an escalation held by this window.
    public var heldMessage: String {
        var text = "Paging held: maintenance window #\(id.rawValue)"
        if !reason.isEmpty { text += " (\(reason))" }
        return text + " until \(Self.format(endsAt))"
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

extension TimelineEventKind {
    /// An escalation that would have paged (or was running) is held by a maintenance window.
    public static let escalationHeld = TimelineEventKind(rawValue: "escalation_held")
    /// The maintenance window that held an escalation ended (or was deleted) while the incident was open.
    public static let escalationResumed = TimelineEventKind(rawValue: "escalation_resumed")
}
