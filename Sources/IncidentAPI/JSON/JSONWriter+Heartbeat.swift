import Foundation
import IncidentDomain

extension JSONWriter {
    /// A heartbeat with its status at `now`.
    mutating func heartbeat(_ heartbeat: Heartbeat, at now: Date) {
        beginObject()
        key("id")
        int(heartbeat.id.rawValue)
        key("name")
        string(heartbeat.name)
        key("service")
        serviceRef(heartbeat.service)
        key("interval_seconds")
        int(heartbeat.intervalSeconds)
        key("grace_seconds")
        int(heartbeat.graceSeconds)
        key("severity")
        string(heartbeat.severity.rawValue)
        key("status")
        string(heartbeat.status(at: now))
        key("last_ping_at")
        timestamp(heartbeat.lastPingAt)
        key("due_at")
        timestamp(heartbeat.dueAt)
        key("incident_id")
        if let id = heartbeat.incidentID { int(id.rawValue) } else { null() }
        key("ping_url")
        string("/api/v1/heartbeats/\(heartbeat.name)/ping")
        key("created_at")
        timestamp(heartbeat.createdAt)
        key("updated_at")
        timestamp(heartbeat.updatedAt)
        endObject()
    }
}
