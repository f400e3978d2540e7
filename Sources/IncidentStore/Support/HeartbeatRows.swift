import Foundation
import IncidentDomain
import SQLiteCore

/// How a `Heartbeat` maps to a row of `heartbeats` (joined with its service's name).
enum HeartbeatRows {
    static let selectFrom = """
        SELECT h.id, h.name, h.service_id, s.name, h.interval_seconds, h.grace_seconds, h.last_ping_at, h.due_at,
            h.incident_id, h.created_at, h.updated_at, h.severity
        FROM heartbeats h JOIN services s ON s.id = h.service_id
        """

    static func read(_ row: Statement) throws -> Heartbeat {
        Heartbeat(
            id: HeartbeatID(try row.column(0, as: Int64.self)),
            name: try row.column(1, as: String.self),
            service: ServiceRef(
                id: ServiceID(try row.column(2, as: Int64.self)), name: try row.column(3, as: String.self)),
            intervalSeconds: try row.column(4, as: Int.self),
            graceSeconds: try row.column(5, as: Int.self),
            severity: try Severity(stored: row.column(11, as: String.self), column: "heartbeats.severity"),
            lastPingAt: try row.column(6, as: Int64?.self).map { Timestamp.date(milliseconds: $0) },
            dueAt: Timestamp.date(milliseconds: try row.column(7, as: Int64.self)),
            incidentID: try row.column(8, as: Int64?.self).map { IncidentID($0) },
            createdAt: Timestamp.date(milliseconds: try row.column(9, as: Int64.self)),
            updatedAt: Timestamp.date(milliseconds: try row.column(10, as: Int64.self)))
    }

    static func find(_ reference: OnCallReference, in db: Connection) throws -> Heartbeat? {
        switch reference {
        case .id(let id): try db.queryFirst(selectFrom + " WHERE h.id = ?", [id], row: read)
        case .name(let name): try db.queryFirst(selectFrom + " WHERE h.name = ?", [name], row: read)
        }
    }

    static func require(_ reference: OnCallReference, in db: Connection) throws -> Heartbeat {
        guard let heartbeat = try find(reference, in: db) else {
            throw IncidentError.notFound(.heartbeat, id: reference.description)
        }
        return heartbeat
    }

    static func write(_ heartbeat: Heartbeat, insert: Bool, in db: Connection) throws {
        let values: [(any SQLiteValueConvertible)?] = [
            heartbeat.name, heartbeat.service.id.rawValue, heartbeat.intervalSeconds, heartbeat.graceSeconds,
            heartbeat.lastPingAt.map(Timestamp.milliseconds), Timestamp.milliseconds(heartbeat.dueAt),
            heartbeat.incidentID?.rawValue, Timestamp.milliseconds(heartbeat.createdAt),
            Timestamp.milliseconds(heartbeat.updatedAt), heartbeat.severity.rawValue, heartbeat.id.rawValue,
        ]
        do {
            if insert {
                try db.execute(
                    """
                    INSERT INTO heartbeats (name, service_id, interval_seconds, grace_seconds, last_ping_at, due_at,
                        incident_id, created_at, updated_at, severity, id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, values)
            } else {
                try db.execute(
                    """
                    UPDATE heartbeats SET name = ?, service_id = ?, interval_seconds = ?, grace_seconds = ?,
                        last_ping_at = ?, due_at = ?, incident_id = ?, created_at = ?, updated_at = ?, severity = ?
                    WHERE id = ?
                    """, values)
            }
        } catch let error as SQLiteError where error.isUniqueConstraint {
            throw IncidentError.conflict("a heartbeat named \(heartbeat.name) already exists")
        }
    }

    static func stored(_ heartbeat: Heartbeat) -> Heartbeat {
        var copy = heartbeat
        copy.lastPingAt = heartbeat.lastPingAt.map(Timestamp.truncated)
        copy.dueAt = Timestamp.truncated(heartbeat.dueAt)
        copy.createdAt = Timestamp.truncated(heartbeat.createdAt)
        copy.updatedAt = Timestamp.truncated(heartbeat.updatedAt)
        return copy
    }
}
