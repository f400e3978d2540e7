import Foundation

/// A validated new incident, made by `NewIncident.validate()` (or by alert normalisation later).
/// The store resolves `service`, applies the dedup rule, and inserts `creation(...)`.
/// Its memberwise initializer is internal: only validation (and tests) make drafts, so a draft is
/// always valid.
public struct IncidentDraft: Hashable, Sendable {
    public internal(set) var title: String
    public internal(set) var summary: String
    public internal(set) var severity: Severity
    /// The service to open it on; the `default` service when the client named none.
    public internal(set) var service: ServiceReference
    public internal(set) var labels: [String: String]
    public internal(set) var dedupKey: String?

    /// The new incident (triggered, version 1) and its `created` event, once the store knows the id
    /// and has resolved `service`.
    public func creation(id: IncidentID, service: ServiceRef, by actor: Principal, at now: Date) -> IncidentChange {
        let incident = Incident(
            id: id, title: title, summary: summary, status: .triggered, severity: severity, service: service,
            labels: labels, dedupKey: dedupKey, createdAt: now, updatedAt: now)
        var data: [String: JSONValue] = ["severity": .string(severity.rawValue), "title": .string(title)]
        data["service"] = .string(service.name)
        if let dedupKey { data["dedup_key"] = .string(dedupKey) }
        let event = NewTimelineEvent(
            at: now, kind: .created, actor: actor, message: "Opened: \(title)", data: data)
        return IncidentChange(incident: incident, events: [event])
    }
}
