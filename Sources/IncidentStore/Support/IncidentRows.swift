import Foundation
import IncidentDomain
import SQLiteCore

/// How an `Incident` maps to a row of `incidents` (joined with its service's name), and back.
/// Times are INTEGER unix milliseconds (`Timestamp.milliseconds`, the domain's precision).
enum IncidentRows {
    /// The select list, aliased `i` for incidents and `s` for services; `read(_:)` reads it by position.
    static let columns = """
        i.id, i.title, i.summary, i.status, i.severity, i.service_id, s.name, i.commander, i.labels, \
        i.dedup_key, i.escalation_level, i.created_at, i.updated_at, i.acknowledged_at, i.mitigated_at, \
        i.resolved_at, i.closed_at, i.version, i.impact_started_at
        """

    /// `SELECT columns FROM incidents i LEFT JOIN services s ...`, to which callers append their WHERE.
    static let selectFrom = "SELECT \(columns) FROM incidents i LEFT JOIN services s ON s.id = i.service_id"

    static let selectByID = selectFrom + " WHERE i.id = ?"

    /// Reads the current row of a statement made from `selectFrom`.
    static func read(_ row: Statement) throws -> Incident {
        let status = try IncidentStatus(stored: row.string(at: 3), column: "incidents.status")
        let severity = try Severity(stored: row.string(at: 4), column: "incidents.severity")
        var service: ServiceRef?
        if let serviceID = try row.optionalInt64(at: 5), let name = try row.optionalString(at: 6) {
            service = ServiceRef(id: ServiceID(serviceID), name: name)
        }
        return Incident(
            id: IncidentID(try row.int64(at: 0)),
            title: try row.string(at: 1),
            summary: try row.string(at: 2),
            status: status,
            severity: severity,
            service: service,
            commander: try row.optionalString(at: 7),
            labels: try row.withText(at: 8) { try JSONText.decodeLabels(utf8: $0) },
            dedupKey: try row.optionalString(at: 9),
            escalationLevel: try row.column(10, as: Int.self),
            createdAt: date(try row.int64(at: 11)),
            updatedAt: date(try row.int64(at: 12)),
            acknowledgedAt: try row.optionalInt64(at: 13).map(date),
            mitigatedAt: try row.optionalInt64(at: 14).map(date),
            resolvedAt: try row.optionalInt64(at: 15).map(date),
            closedAt: try row.optionalInt64(at: 16).map(date),
            impactStartedAt: try row.optionalInt64(at: 18).map(date),
            version: try row.column(17, as: Int.self))
    }

    /// The incident with this id, or nil.
    static func find(_ id: IncidentID, in db: Connection) throws -> Incident? {
        try db.queryFirst(selectByID, [id.rawValue], row: read)
    }

    /// The incident with this id, or `IncidentError.notFound`.
    static func require(_ id: IncidentID, in db: Connection) throws -> Incident {
        guard let incident = try find(id, in: db) else { throw IncidentError.notFound(.incident, id: id.description) }
        return incident
    }

    /// Inserts `incident` with its own id; the insert trigger fills `incident_labels`.
    static func insert(_ incident: Incident, into db: Connection) throws {
        try db.execute(
            """
            INSERT INTO incidents (id, title, summary, status, severity, service_id, commander, labels, dedup_key,
                escalation_level, created_at, updated_at, acknowledged_at, mitigated_at, resolved_at, closed_at, version,
                impact_started_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                incident.id.rawValue, incident.title, incident.summary, incident.status.rawValue,
                incident.severity.rawValue, incident.service?.id.rawValue, incident.commander,
                JSONText.encode(incident.labels), incident.dedupKey, incident.escalationLevel,
                milliseconds(incident.createdAt), milliseconds(incident.updatedAt),
                incident.acknowledgedAt.map(milliseconds), incident.mitigatedAt.map(milliseconds),
                incident.resolvedAt.map(milliseconds), incident.closedAt.map(milliseconds), incident.version,
                incident.impactStartedAt.map(milliseconds),
            ])
    }

    /// Writes `next` over the row that held `previous` (matching its version, as a guard). `labels` is
    /// written only when it changed, so the label trigger does not rewrite the side table for nothing.
    static func update(from previous: Incident, to next: Incident, in db: Connection) throws {
        try db.execute(
            """
            UPDATE incidents SET title = ?, summary = ?, status = ?, severity = ?, service_id = ?, commander = ?,
                dedup_key = ?, escalation_level = ?, updated_at = ?, acknowledged_at = ?, mitigated_at = ?,
                resolved_at = ?, closed_at = ?, version = ?, impact_started_at = ?
            WHERE id = ? AND version = ?
            """,
            [
                next.title, next.summary, next.status.rawValue, next.severity.rawValue, next.service?.id.rawValue,
                next.commander, next.dedupKey, next.escalationLevel, milliseconds(next.updatedAt),
                next.acknowledgedAt.map(milliseconds), next.mitigatedAt.map(milliseconds),
                next.resolvedAt.map(milliseconds), next.closedAt.map(milliseconds), next.version,
                next.impactStartedAt.map(milliseconds), previous.id.rawValue, previous.version,
            ])
        guard db.changedRowCount == 1 else {
            // The row moved under us; cannot happen while writes are serialised, but never write blind.
            throw IncidentError.conflict("incident \(previous.id) changed while it was being updated")
        }
        if next.labels != previous.labels {
            try db.execute(
                "UPDATE incidents SET labels = ? WHERE id = ?", [JSONText.encode(next.labels), previous.id.rawValue])
        }
    }

    /// The value as it reads back from the store: every time truncated to whole milliseconds.
    static func stored(_ incident: Incident) -> Incident {
        var copy = incident
        copy.createdAt = Timestamp.truncated(incident.createdAt)
        copy.updatedAt = Timestamp.truncated(incident.updatedAt)
        copy.acknowledgedAt = incident.acknowledgedAt.map(Timestamp.truncated)
        copy.mitigatedAt = incident.mitigatedAt.map(Timestamp.truncated)
        copy.resolvedAt = incident.resolvedAt.map(Timestamp.truncated)
        copy.closedAt = incident.closedAt.map(Timestamp.truncated)
        copy.impactStartedAt = incident.impactStartedAt.map(Timestamp.truncated)
        return copy
    }

    static func milliseconds(_ date: Date) -> Int64 { Timestamp.milliseconds(date) }
    static func date(_ milliseconds: Int64) -> Date { Timestamp.date(milliseconds: milliseconds) }
}
