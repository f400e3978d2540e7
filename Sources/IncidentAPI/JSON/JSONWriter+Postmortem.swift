import Foundation
import IncidentDomain

extension JSONWriter {
    /// An action item as the API answers it; `overdue` as of the UTC date of `today`.
    mutating func actionItem(_ item: ActionItem, today: LocalDate) {
        beginObject()
        key("id")
        int(item.id.rawValue)
        key("incident_id")
        int(item.incidentID.rawValue)
        key("title")
        string(item.title)
        key("type")
        string(item.kind.rawValue)
        key("owner")
        string(item.owner)
        key("status")
        string(item.status.rawValue)
        key("due_date")
        string(item.dueDate?.description)
        key("overdue")
        bool(item.isOverdue(on: today))
        key("link")
        string(item.link)
        key("created_at")
        timestamp(item.createdAt)
        key("updated_at")
        timestamp(item.updatedAt)
        key("done_at")
        timestamp(item.doneAt)
        endObject()
    }

    /// A postmortem section: written or not, its text and prompt, who wrote it last.
    mutating func postmortemSection(_ name: PostmortemSectionName, _ section: PostmortemSection?) {
        beginObject()
        key("name")
        string(name.rawValue)
        key("written")
        bool(section != nil)
        key("text")
        string(section?.text)
        key("prompt")
        string(name.prompt)
        key("required_to_close_sev1_sev2")
        bool(PostmortemSectionName.requiredForClose.contains(name))
        key("updated_at")
        timestamp(section?.updatedAt)
        key("updated_by")
        string(section?.updatedBy.description)
        endObject()
    }
}
