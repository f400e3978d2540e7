import Foundation

/// A timeline event the domain decided to record, before the store gives it an id and ties it to
/// its incident (whose id may not exist yet, for the `created` event).
public struct NewTimelineEvent: Hashable, Sendable {
    public var at: Date
    public var kind: TimelineEventKind
    public var actor: Principal
    /// One line for people: the note given with the action, or a sentence describing it.
    public var message: String
    /// Structured facts (old and new values, levels, flags) for the dashboard, stats and postmortems.
    public var data: [String: JSONValue]

    public init(at: Date, kind: TimelineEventKind, actor: Principal, message: String, data: [String: JSONValue] = [:]) {
        self.at = at
        self.kind = kind
        self.actor = actor
        self.message = message
        self.data = data
    }

    /// The stored event, once the store assigned `id`.
    public func recorded(id: TimelineEventID, incidentID: IncidentID) -> TimelineEvent {
        TimelineEvent(id: id, incidentID: incidentID, at: at, kind: kind, actor: actor, message: message, data: data)
    }

    /// A note: free text from a person, trimmed, 1...10,000 characters; validation errors name `text`.
    /// Notes may be added in any status, closed included (postmortem discussion), and are not a change
    /// of the incident: they do not bump its version.
    public static func note(_ text: String?, by actor: Principal, at now: Date) throws(IncidentError)
        -> NewTimelineEvent
    {
        var validator = FieldValidator()
        let trimmed = text.map(\.trimmedWhitespace)
        var checked: String?
        if let trimmed {
            if trimmed.isEmpty {
                validator.fail("text", "must not be empty")
            } else if trimmed.unicodeScalars.count > DomainLimits.noteLength.upperBound {
                validator.fail(
                    "text",
                    "must be at most \(DomainLimits.noteLength.upperBound) characters (got \(trimmed.unicodeScalars.count))"
                )
            } else {
                checked = validator.text(trimmed, field: "text", maxLength: DomainLimits.noteLength.upperBound)
            }
        } else {
            validator.fail("text", "is required")
        }
        try validator.finish()
        return NewTimelineEvent(at: now, kind: .note, actor: actor, message: checked ?? "")
    }
}
