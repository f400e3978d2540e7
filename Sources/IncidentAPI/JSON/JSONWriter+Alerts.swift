import Foundation
import IncidentDomain

/// Wire shapes of recorded alerts and of the receivers' answers.
extension JSONWriter {
    mutating func storedAlert(_ alert: StoredAlert) {
        beginObject()
        key("id")
        int(alert.id)
        key("incident_id")
        int(alert.incidentID.rawValue)
        key("source")
        string(alert.source.rawValue)
        key("dedup_key")
        string(alert.dedupKey)
        key("alert_key")
        string(alert.alertKey)
        key("status")
        string(alert.status.rawValue)
        key("title")
        string(alert.title)
        key("severity")
        string(alert.severity.rawValue)
        key("labels")
        stringMap(alert.labels)
        key("annotations")
        stringMap(alert.annotations)
        key("links")
        beginArray()
        for link in alert.links {
            beginObject()
            key("href")
            string(link.href)
            key("text")
            string(link.text)
            endObject()
        }
        endArray()
        key("details")
        value(.object(alert.details))
        key("starts_at")
        timestamp(alert.startsAt)
        key("ends_at")
        timestamp(alert.endsAt)
        key("first_seen_at")
        timestamp(alert.firstSeenAt)
        key("last_seen_at")
        timestamp(alert.lastSeenAt)
        key("resolved_at")
        timestamp(alert.resolvedAt)
        key("times_seen")
        int(alert.timesSeen)
        endObject()
    }

    /// `{"status":"ok","alerts":[{"dedup_key","alert_key","incident_id","outcome","reason"}...],"warnings":[...]}`:
    /// the answer of the Alertmanager, Grafana and generic receivers.
    /// The 200 answer to a signed delivery whose `webhook-id` was taken already: nothing written this time.
    mutating func alreadyReceived(detail: String) {
        beginObject()
        key("status")
        string("already_received")
        key("detail")
        string(detail)
        key("alerts")
        beginArray()
        endArray()
        key("warnings")
        beginArray()
        endArray()
        endObject()
    }

    mutating func ingestion(_ outcomes: [AlertOutcome], warnings: [String]) {
        beginObject()
        key("status")
        string("ok")
        key("alerts")
        beginArray()
        for outcome in outcomes {
            beginObject()
            key("dedup_key")
            string(outcome.dedupKey)
            key("alert_key")
            string(outcome.alertKey)
            key("incident_id")
            if let id = outcome.incidentID { int(id.rawValue) } else { null() }
            key("outcome")
            string(outcome.effect.description)
            key("reason")
            if case .ignored(let reason) = outcome.effect { string(reason.rawValue) } else { null() }
            endObject()
        }
        endArray()
        key("warnings")
        beginArray()
        for warning in warnings { string(warning) }
        endArray()
        endObject()
    }
}
