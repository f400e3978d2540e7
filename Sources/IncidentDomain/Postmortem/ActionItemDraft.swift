import Foundation

/// A validated new action item (see `NewActionItem.validate()`); the store gives it an id.
public struct ActionItemDraft: Hashable, Sendable {
    public var title: String
    public var kind: ActionItem.Kind
    public var owner: String?
    public var dueDate: LocalDate?
    public var link: String?

    public init(
        title: String, kind: ActionItem.Kind, owner: String? = nil, dueDate: LocalDate? = nil, link: String? = nil
    ) {
        self.title = title
        self.kind = kind
        self.owner = owner
        self.dueDate = dueDate
        self.link = link
    }

    /// The stored item once the store chose `id`: open, created and updated `now`.
    public func item(id: ActionItemID, incidentID: IncidentID, at now: Date) -> ActionItem {
        ActionItem(
            id: id, incidentID: incidentID, title: title, kind: kind, owner: owner, status: .open, dueDate: dueDate,
            link: link, createdAt: now, updatedAt: now, doneAt: nil)
    }

    /// The timeline event that records the new item on its incident.
    public func addedEvent(_ item: ActionItem, by actor: Principal, at now: Date) -> NewTimelineEvent {
        NewTimelineEvent(
            at: now, kind: .actionItemAdded, actor: actor, message: "Action item added: \(title)",
            data: ["action_item_id": .int(item.id.rawValue), "title": .string(title), "type": .string(kind.rawValue)])
    }
}

extension TimelineEventKind {
    /// A postmortem action item was added; `data` holds `action_item_id`, `title`, `type`.
    public static let actionItemAdded = TimelineEventKind(rawValue: "action_item_added")
    /// An action item was marked done (`data.status == "done"`) or open again (`"open"`).
    public static let actionItemStatusChanged = TimelineEventKind(rawValue: "action_item_status_changed")
    /// An action item was deleted; `data` holds `action_item_id`, `title`.
    public static let actionItemDeleted = TimelineEventKind(rawValue: "action_item_deleted")
    /// A postmortem section was written; `data` holds `section`.
    public static let postmortemSectionWritten = TimelineEventKind(rawValue: "postmortem_section_written")
}
