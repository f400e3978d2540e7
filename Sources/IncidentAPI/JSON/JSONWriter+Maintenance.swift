import Foundation
import IncidentDomain

extension JSONWriter {
    /// A maintenance window, with its phase at `now` (`upcoming`, `active`, `ended`).
    mutating func maintenanceWindow(_ window: MaintenanceWindow, at now: Date) {
        beginObject()
        key("id")
        int(window.id.rawValue)
        key("service")
        serviceRef(window.service)
        key("matchers")
        beginArray()
        for matcher in window.matchers {
            beginObject()
            key("label")
            string(matcher.label)
            key("op")
            string(matcher.op.rawValue)
            key("value")
            string(matcher.value)
            endObject()
        }
        endArray()
        key("starts_at")
        timestamp(window.startsAt)
        key("ends_at")
        timestamp(window.endsAt)
        key("state")
        string(window.phase(at: now).rawValue)
        key("reason")
        string(window.reason)
        key("created_by")
        string(window.createdBy.name)
        key("created_at")
        timestamp(window.createdAt)
        key("deleted_at")
        timestamp(window.deletedAt)
        key("deleted_by")
        string(window.deletedBy?.name)
        endObject()
    }
}
