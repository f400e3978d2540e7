import Foundation

/// Everything an incident's postmortem is made of, read in one transaction.
public struct PostmortemRecord: Sendable {
    public var incident: Incident
    public var timeline: [TimelineEvent]
    public var alerts: [StoredAlert]
    public var sections: [PostmortemSection]
    public var actionItems: [ActionItem]

    public init(
        incident: Incident, timeline: [TimelineEvent], alerts: [StoredAlert], sections: [PostmortemSection],
        actionItems: [ActionItem]
    ) {
        self.incident = incident
        self.timeline = timeline
        self.alerts = alerts
        self.sections = sections
        self.actionItems = actionItems
    }
}

/// Storage of postmortem sections and action items, and the close that depends on them. Every method is ONE
/// transaction; `IncidentError.notFound` for a missing incident or action item.
public protocol PostmortemRepository: Sendable {
    /// The incident, its timeline, alerts, written sections and action items, as one consistent read.
    func record(of incident: IncidentID) async throws -> PostmortemRecord

    /// The written sections of the incident, in `PostmortemSectionName` order.
    func sections(of incident: IncidentID) async throws -> [PostmortemSection]

    /// Writes (or replaces) a section's validated text and records `postmortemSectionWritten` on the timeline.
    func writeSection(
        _ name: PostmortemSectionName, text: String, of incident: IncidentID, by actor: Principal, at now: Date
    ) async throws -> PostmortemSection

    /// Closes the incident with the postmortem rule (`Incident.closing(...)`) checked against the sections
    /// written at that moment, in the same transaction as the close.
    func close(
        _ incident: IncidentID, expectedVersion: Int?, by actor: Principal, at now: Date, force: Bool, note: String?
    ) async throws -> IncidentUpdate

    /// The incident's action items by id.
    func actionItems(of incident: IncidentID) async throws -> [ActionItem]

    /// Action items across incidents with `status` (all when nil), in `ActionItem.listedBefore` order.
    func actionItems(status: ActionItem.Status?) async throws -> [ActionItem]

    /// Adds an item to the incident and records `actionItemAdded` on its timeline.
    func addActionItem(_ draft: ActionItemDraft, to incident: IncidentID, by actor: Principal, at now: Date)
        async throws -> ActionItem

    /// Applies a validated edit; a status change is recorded on the incident's timeline.
    func updateActionItem(_ id: ActionItemID, _ edit: ActionItemEdit, by actor: Principal, at now: Date)
        async throws -> ActionItem

    /// Deletes the item and records `actionItemDeleted` on its incident's timeline.
    func deleteActionItem(_ id: ActionItemID, by actor: Principal, at now: Date) async throws
}
