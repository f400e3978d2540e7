/// The outcome of a pure decision about one incident: its new value and the timeline events that
/// explain the change. The store writes both in one transaction, or neither.
public struct IncidentChange: Hashable, Sendable {
    /// The incident after the change (version already bumped when anything changed).
    public var incident: Incident
    /// What to append to the timeline, oldest first.
    public var events: [NewTimelineEvent]

    public init(incident: Incident, events: [NewTimelineEvent]) {
        self.incident = incident
        self.events = events
    }

    /// True when nothing changed (e.g. a patch that sets every field to its current value):
    /// the store then writes nothing and the version stays.
    public var isEmpty: Bool { events.isEmpty }

    /// The fields an edit changed, with old and new values, read back from its `field_changed` events.
    public var fieldChanges: [FieldChange] {
        events.compactMap { event in
            guard event.kind == .fieldChanged, let field = event.data["field"]?.stringValue else { return nil }
            return FieldChange(field: field, old: event.data["old"] ?? .null, new: event.data["new"] ?? .null)
        }
    }
}
