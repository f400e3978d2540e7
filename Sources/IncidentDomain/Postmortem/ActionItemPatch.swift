import Foundation

/// The body of `PATCH /api/v1/action-items/{id}`: only the fields sent change; `null` clears `owner`,
/// `due_date` or `link`. `validate()` checks it.
public struct ActionItemPatch: Decodable, Sendable {
    public var title: String?
    public var type: String?
    public var owner: PatchField<String>?
    public var status: String?
    public var dueDate: PatchField<String>?
    public var link: PatchField<String>?

    enum CodingKeys: String, CodingKey {
        case title, type, owner, status, link
        case dueDate = "due_date"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeUnlessAbsent(String.self, forKey: .title)
        type = try container.decodeUnlessAbsent(String.self, forKey: .type)
        owner = try container.decodePatchField(String.self, forKey: .owner)
        status = try container.decodeUnlessAbsent(String.self, forKey: .status)
        dueDate = try container.decodePatchField(String.self, forKey: .dueDate)
        link = try container.decodePatchField(String.self, forKey: .link)
    }

    /// Every problem at once, as `IncidentError.validation`.
    public func validate() throws(IncidentError) -> ActionItemEdit {
        var validator = FieldValidator()
        var edit = ActionItemEdit()
        if let title {
            edit.title = validator.presentLine(title, field: "title", length: DomainLimits.actionItemTitleLength)
        }
        if let type { edit.kind = validator.actionItemKind(type) }
        if let status {
            edit.status = ActionItem.Status(rawValue: status)
            if edit.status == nil { validator.fail("status", "must be open or done") }
        }
        switch owner {
        case .set(let text):
            if let checked = validator.presentLine(text, field: "owner", length: DomainLimits.actionItemOwnerLength) {
                edit.owner = .set(checked)
            }
        case .clear: edit.owner = .clear
        case nil: break
        }
        switch dueDate {
        case .set(let text): if let date = validator.dueDate(text) { edit.dueDate = .set(date) }
        case .clear: edit.dueDate = .clear
        case nil: break
        }
        switch link {
        case .set(let text): if let checked = validator.httpLink(text) { edit.link = .set(checked) }
        case .clear: edit.link = .clear
        case nil: break
        }
        try validator.finish()
        return edit
    }
}

/// A validated change of an action item; nil fields stay as they are.
public struct ActionItemEdit: Hashable, Sendable {
    public var title: String?
    public var kind: ActionItem.Kind?
    public var owner: PatchField<String>?
    public var status: ActionItem.Status?
    public var dueDate: PatchField<LocalDate>?
    public var link: PatchField<String>?

    public init(
        title: String? = nil, kind: ActionItem.Kind? = nil, owner: PatchField<String>? = nil,
        status: ActionItem.Status? = nil, dueDate: PatchField<LocalDate>? = nil, link: PatchField<String>? = nil
    ) {
        self.title = title
        self.kind = kind
        self.owner = owner
        self.status = status
        self.dueDate = dueDate
        self.link = link
    }
}

extension ActionItem {
    /// The item after `edit`, and the timeline event to record when its status changed (done, or open again).
    public func applying(_ edit: ActionItemEdit, by actor: Principal, at now: Date) -> (
        item: ActionItem, event: NewTimelineEvent?
    ) {
        var next = self
        if let title = edit.title { next.title = title }
        if let kind = edit.kind { next.kind = kind }
        if let owner = edit.owner { next.owner = owner.value }
        if let dueDate = edit.dueDate { next.dueDate = dueDate.value }
        if let link = edit.link { next.link = link.value }
        var event: NewTimelineEvent?
        if let status = edit.status, status != self.status {
            next.status = status
            next.doneAt = status == .done ? now : nil
            event = NewTimelineEvent(
                at: now, kind: .actionItemStatusChanged, actor: actor,
                message: status == .done ? "Action item done: \(next.title)" : "Action item reopened: \(next.title)",
                data: [
                    "action_item_id": .int(id.rawValue), "title": .string(next.title),
                    "status": .string(status.rawValue),
                ])
        }
        if next != self { next.updatedAt = now }
        return (next, event)
    }

    /// The timeline event that records the deletion on the item's incident.
    public func deletedEvent(by actor: Principal, at now: Date) -> NewTimelineEvent {
        NewTimelineEvent(
            at: now, kind: .actionItemDeleted, actor: actor, message: "Action item deleted: \(title)",
            data: ["action_item_id": .int(id.rawValue), "title": .string(title)])
    }
}
