import Foundation
import IncidentDomain
import SQLiteCore

/// How timeline events map to rows of the append-only `timeline_events`: `actor` in `Principal`'s
/// `kind:name` text form, `data` as the JSON text of an object, `at` in unix milliseconds.
enum TimelineRows {
    /// Appends `events` to the incident's timeline, in order, and returns them as stored (with ids).
    ///
    /// `receivedEventData`: the data text of the `alert_received` events among `events`, which then carry no
    /// data of their own (`NormalizedAlert.receivedEventWithoutData`, `AlertRows.Encoded.receivedEventData`); they are
    /// returned without it.
    static func append(
        _ events: [NewTimelineEvent], to incident: IncidentID, receivedEventData: String? = nil, in db: Connection
    ) throws -> [TimelineEvent] {
        try events.map { event in
            let data: String
            if event.kind == .alertReceived, let receivedEventData {
                data = receivedEventData
            } else {
                data = JSONText.encode(event.data)
            }
            try db.execute(
                "INSERT INTO timeline_events (incident_id, at, kind, actor, message, data) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    incident.rawValue, Timestamp.milliseconds(event.at), event.kind.rawValue, event.actor.description,
                    event.message, data,
                ])
            var stored = event.recorded(id: TimelineEventID(db.lastInsertedRowID), incidentID: incident)
            stored.at = Timestamp.truncated(event.at)
            return stored
        }
    }

    /// Every event of the incident, oldest first.
    static func all(of incident: IncidentID, in db: Connection) throws -> [TimelineEvent] {
        try db.query(
            "SELECT id, at, kind, actor, message, data, incident_id FROM timeline_events WHERE incident_id = ? ORDER BY id",
            [incident.rawValue], row: read)
    }

    /// The incident's events of one kind, oldest first.
    static func all(of incident: IncidentID, kind: TimelineEventKind, in db: Connection) throws -> [TimelineEvent] {
        try db.query(
            "SELECT id, at, kind, actor, message, data, incident_id FROM timeline_events"
                + " WHERE incident_id = ? AND kind = ? ORDER BY id",
            [incident.rawValue, kind.rawValue], row: read)
    }

    /// The incident's newest event of one kind, walking its events newest first (`timeline_events_by_incident`).
    static func latest(of incident: IncidentID, kind: TimelineEventKind, in db: Connection) throws -> TimelineEvent? {
        try db.queryFirst(
            "SELECT id, at, kind, actor, message, data, incident_id FROM timeline_events"
                + " WHERE incident_id = ? AND kind = ? ORDER BY id DESC LIMIT 1",
            [incident.rawValue, kind.rawValue], row: read)
    }

    /// Events of every incident with ids in `after + 1 ... through`, oldest first, at most `limit`.
    static func range(after: TimelineEventID, through: TimelineEventID, limit: Int, in db: Connection) throws
        -> [TimelineEvent]
    {
        try db.query(
            """
            SELECT id, at, kind, actor, message, data, incident_id FROM timeline_events
            WHERE id > ? AND id <= ? ORDER BY id LIMIT ?
            """,
            [after.rawValue, through.rawValue, Int64(limit)], row: read)
    }

    /// The newest event's id; 0 while no timeline has any event.
    static func lastID(in db: Connection) throws -> TimelineEventID {
        TimelineEventID(try db.queryValue("SELECT coalesce(max(id), 0) FROM timeline_events", [], as: Int64.self) ?? 0)
    }

    /// Reads `SELECT id, at, kind, actor, message, data, incident_id`.
    private static func read(_ row: Statement) throws -> TimelineEvent {
        let actorText = try row.column(3, as: String.self)
        guard let actor = Principal(parsing: actorText) else {
            throw StoredDataError(column: "timeline_events.actor", found: actorText)
        }
        return TimelineEvent(
            id: TimelineEventID(try row.column(0, as: Int64.self)),
            incidentID: IncidentID(try row.column(6, as: Int64.self)),
            at: Timestamp.date(milliseconds: try row.column(1, as: Int64.self)),
            kind: TimelineEventKind(rawValue: try row.column(2, as: String.self)),
            actor: actor,
            message: try row.column(4, as: String.self),
            data: try JSONText.decodeObject(try row.column(5, as: String.self)))
    }
}
