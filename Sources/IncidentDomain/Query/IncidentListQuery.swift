import Foundation

/// The filters and page of `GET /api/v1/incidents`. All given filters must hold (AND); within a
/// status or severity set any member matches (OR). Order is newest first by `(created_at, id)`.
public struct IncidentListQuery: Hashable, Sendable {
    /// Statuses to include; empty means any. `status=open` expands to the open statuses.
    public var statuses: Set<IncidentStatus>
    /// Severities to include; empty means any.
    public var severities: Set<Severity>
    /// Only incidents of this service.
    public var service: ServiceReference?
    /// Every one of these labels must be present with exactly this value.
    public var labels: [LabelFilter]
    /// Text that must appear in the title or the summary, ignoring ASCII case (SQL `LIKE` semantics,
    /// with `%` and `_` taken literally).
    public var text: String?
    /// Created at or after this instant (inclusive).
    public var since: Date?
    /// Created before this instant (exclusive), so consecutive windows do not overlap.
    public var until: Date?
    /// Page size, 1...500.
    public var limit: Int
    /// Continue after this position; nil for the first page.
    public var cursor: IncidentCursor?

    public init(
        statuses: Set<IncidentStatus> = [], severities: Set<Severity> = [], service: ServiceReference? = nil,
        labels: [LabelFilter] = [], text: String? = nil, since: Date? = nil, until: Date? = nil,
        limit: Int = DomainLimits.defaultListLimit, cursor: IncidentCursor? = nil
    ) {
        self.statuses = statuses
        self.severities = severities
        self.service = service
        self.labels = labels
        self.text = text
        self.since = since
        self.until = until
        self.limit = limit
        self.cursor = cursor
    }
}
