/// A stretch of the timelines of all incidents, oldest event first, with each incident those events belong to
/// as it is at the time of reading (not as it was at each event).
public struct IncidentChanges: Sendable {
    public var events: [TimelineEvent]
    public var incidents: [IncidentID: Incident]

    public init(events: [TimelineEvent], incidents: [IncidentID: Incident]) {
        self.events = events
        self.incidents = incidents
    }
}
