import Foundation
import IncidentDomain
import SQLiteCore

/// How timeline events map to rows of the append-only `timeline_events`: `actor` in `Principal`'s
/// `kind:name` text form, `data` as the JSON text of an object, `at` in unix milliseconds.
enum TimelineRows {
    /// Appends `events` to the incident's timeline, in order, and returns them as stored (with ids).
    static func append(_ events: [NewTimelineEvent], to incident: IncidentID, in db: Connection) throws
        -> [TimelineEvent]
    {
        try events.map { event in
            try db.execute(
                "INSERT INTO timeline_events (incident_id, at, kind, actor, message, data) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    incident.rawValue, Timestamp.milliseconds(event.at), event.kind.rawValue, event.actor.description,
                    event.message, JSONText.encode(event.data),
                ])
            var stored = event.recorded(id: TimelineEventID(db.lastInsertedRowID), incidentID: incident)
            stored.at = Timestamp.truncated(event.at)
            return stored
        }
    }

    /// Every event of the incident, oldest first.
    static func all(of incident: IncidentID, in db: Connection) throws -> [TimelineEvent] {
        try db.query(
            "SELECT id, at, kind, actor, message, data FROM timeline_events WHERE incident_id = ? ORDER BY id",
            [incident.rawValue]
        ) { row in
            let actorText = try row.column(3, as: String.self)
            guard let actor = Principal(parsing: actorText) else {
                throw StoredDataError(column: "timeline_events.actor", found: actorText)
            }
            return TimelineEvent(
                id: TimelineEventID(try row.column(0, as: Int64.self)),
                incidentID: incident,
                at: Timestamp.date(milliseconds: try row.column(1, as: Int64.self)),
                kind: TimelineEventKind(rawValue: try row.column(2, as: String.self)),
                actor: actor,
                message: try row.column(4, as: String.self),
                data: try JSONText.decodeObject(try row.column(5, as: String.self)))
        }
    }
}
