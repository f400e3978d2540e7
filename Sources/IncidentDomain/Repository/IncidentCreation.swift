/// What `IncidentRepository.create` did: opened a new incident (`created`, with its `created` event), or
/// found the open incident with the same dedup key and service (`created == false`, no events).
public struct IncidentCreation: Hashable, Sendable {
    public var incident: Incident
    /// False when an open incident with the same dedup key and service was returned instead.
    public var created: Bool
    /// The stored events of this call (empty when nothing was created).
    public var events: [TimelineEvent]

    public init(incident: Incident, created: Bool, events: [TimelineEvent]) {
        self.incident = incident
        self.created = created
        self.events = events
    }
}
