/// What an update of an incident stored: the incident as it is now and the timeline events written
/// with it (empty when the change was empty and nothing was written). For answers and live streams.
public struct IncidentUpdate: Hashable, Sendable {
    public var incident: Incident
    public var events: [TimelineEvent]

    public init(incident: Incident, events: [TimelineEvent]) {
        self.incident = incident
        self.events = events
    }
}
