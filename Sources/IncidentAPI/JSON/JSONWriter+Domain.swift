import Foundation
import IncidentDomain

/// The wire shapes of the API's resources (see the OpenAPI document): snake_case keys, RFC 3339 times,
/// every optional member present as `null`.
extension JSONWriter {
    /// `{"id": ..., "name": ...}` of the service an incident, window or heartbeat belongs to; null for none.
    mutating func serviceRef(_ service: ServiceRef?) {
        guard let service else { return null() }
        beginObject()
        key("id")
        int(service.id.rawValue)
        key("name")
        string(service.name)
        endObject()
    }

    mutating func incident(_ incident: Incident) {
        beginObject()
        key("id")
        int(incident.id.rawValue)
        key("title")
        string(incident.title)
        key("summary")
        string(incident.summary)
        key("status")
        string(incident.status.rawValue)
        key("severity")
        string(incident.severity.rawValue)
        key("service")
        serviceRef(incident.service)
        key("commander")
        string(incident.commander)
        key("labels")
        stringMap(incident.labels)
        key("dedup_key")
        string(incident.dedupKey)
        key("escalation_level")
        int(incident.escalationLevel)
        key("created_at")
        timestamp(incident.createdAt)
        key("updated_at")
        timestamp(incident.updatedAt)
        key("acknowledged_at")
        timestamp(incident.acknowledgedAt)
        key("mitigated_at")
        timestamp(incident.mitigatedAt)
        key("resolved_at")
        timestamp(incident.resolvedAt)
        key("closed_at")
        timestamp(incident.closedAt)
        key("impact_started_at")
        timestamp(incident.impactStartedAt)
        key("version")
        int(incident.version)
        key("allowed_actions")
        beginArray()
        for action in incident.allowedActions {
            string(action.rawValue)
        }
        endArray()
        key("links")
        let id = incident.id.rawValue
        beginObject()
        key("self")
        string("/api/v1/incidents/", id, "")
        key("timeline")
        string("/api/v1/incidents/", id, "/timeline")
        key("postmortem")
        string("/api/v1/incidents/", id, "/postmortem")
        endObject()
        endObject()
    }

    mutating func timelineEvent(_ event: TimelineEvent) {
        beginObject()
        key("id")
        int(event.id.rawValue)
        key("incident_id")
        int(event.incidentID.rawValue)
        key("at")
        timestamp(event.at)
        key("kind")
        string(event.kind.rawValue)
        key("actor")
        string(event.actor.name)
        key("actor_kind")
        string(event.actor.kind.rawValue)
        key("message")
        string(event.message)
        key("data")
        value(.object(event.data))
        endObject()
    }

    /// A service; `escalationPolicy` is the policy its new incidents follow (issue 6), or none. The whole
    /// `integrationKey` is given only in the answers that make it (creation, rotation): it is stored as a hash.
    mutating func service(_ service: Service, escalationPolicy: EscalationPolicy? = nil, integrationKey: String? = nil)
    {
        beginObject()
        key("id")
        int(service.id.rawValue)
        key("name")
        string(service.name)
        key("description")
        string(service.description)
        key("routing_labels")
        stringMap(service.routingLabels)
        key("former_names")
        beginArray()
        for name in service.formerNames { string(name) }
        endArray()
        if let integrationKey {
            key("integration_key")
            string(integrationKey)
        }
        key("integration_key_prefix")
        string(service.integrationKeyPrefix)
        key("escalation_policy")
        if let escalationPolicy {
            beginObject()
            key("id")
            int(escalationPolicy.id.rawValue)
            key("name")
            string(escalationPolicy.name)
            endObject()
        } else {
            null()
        }
        key("slo")
        objective(service.slo)
        key("created_at")
        timestamp(service.createdAt)
        key("updated_at")
        timestamp(service.updatedAt)
        endObject()
    }

    /// A token as listed: never its secret. `secret` is given once, in the answer that creates it.
    mutating func token(_ token: APIToken, secret: String? = nil) {
        beginObject()
        key("name")
        string(token.name)
        key("scope")
        string(token.scope.rawValue)
        key("created_at")
        timestamp(token.createdAt)
        key("last_used_at")
        timestamp(token.lastUsedAt)
        key("revoked_at")
        timestamp(token.revokedAt)
        key("user")
        string(token.user)
        if let secret {
            key("token")
            string(secret)
        }
        endObject()
    }

    /// `{"items": [...], "next_cursor": ...}`, the shape of every list.
    mutating func list<Item>(_ items: [Item], nextCursor: String?, each write: (inout JSONWriter, Item) -> Void) {
        beginObject()
        key("items")
        beginArray()
        for item in items {
            write(&self, item)
        }
        endArray()
        key("next_cursor")
        string(nextCursor)
        endObject()
    }
}
