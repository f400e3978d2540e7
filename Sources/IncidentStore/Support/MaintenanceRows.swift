import Foundation
import IncidentDomain
import SQLiteCore

/// How a `MaintenanceWindow` maps to a row of `maintenance_windows` (joined with its service's name), and the
/// queries the escalation hook asks: which active windows cover an incident.
enum MaintenanceRows {
    static let selectFrom = """
        SELECT w.id, w.service_id, s.name, w.matchers, w.starts_at, w.ends_at, w.reason, w.created_by, w.created_at,
            w.deleted_at, w.deleted_by
        FROM maintenance_windows w LEFT JOIN services s ON s.id = w.service_id
        """

    static func read(_ row: Statement) throws -> MaintenanceWindow {
        let creatorText = try row.column(7, as: String.self)
        guard let creator = Principal(parsing: creatorText) else {
            throw StoredDataError(column: "maintenance_windows.created_by", found: creatorText)
        }
        let matchersText = try row.column(3, as: String.self)
        guard let matchers = try? JSONDecoder().decode([LabelMatcher].self, from: Data(matchersText.utf8)) else {
            throw StoredDataError(column: "maintenance_windows.matchers", found: matchersText)
        }
        var service: ServiceRef?
        if let id = try row.column(1, as: Int64?.self) {
            service = ServiceRef(id: ServiceID(id), name: try row.column(2, as: String.self))
        }
        return MaintenanceWindow(
            id: MaintenanceWindowID(try row.column(0, as: Int64.self)), service: service, matchers: matchers,
            startsAt: Timestamp.date(milliseconds: try row.column(4, as: Int64.self)),
            endsAt: Timestamp.date(milliseconds: try row.column(5, as: Int64.self)),
            reason: try row.column(6, as: String.self), createdBy: creator,
            createdAt: Timestamp.date(milliseconds: try row.column(8, as: Int64.self)),
            deletedAt: try row.column(9, as: Int64?.self).map { Timestamp.date(milliseconds: $0) },
            deletedBy: try row.column(10, as: String?.self).flatMap { Principal(parsing: $0) })
    }

    static func require(_ id: MaintenanceWindowID, in db: Connection) throws -> MaintenanceWindow {
        guard let window = try db.queryFirst(selectFrom + " WHERE w.id = ?", [id.rawValue], row: read) else {
            throw IncidentError.notFound(.maintenanceWindow, id: id.description)
        }
        return window
    }

    /// `require` for a change: a deleted window is kept for the record only.
    static func requireNotDeleted(_ id: MaintenanceWindowID, in db: Connection) throws -> MaintenanceWindow {
        let window = try require(id, in: db)
        if let deletedAt = window.deletedAt {
            throw IncidentError.conflict(
                "maintenance window #\(id.rawValue) was deleted at \(Timestamp.format(deletedAt))"
                    + (window.deletedBy.map { " by \($0.name)" } ?? "") + "; create a new one")
        }
        return window
    }

    /// Windows active at `now`.
    static func active(at now: Date, in db: Connection) throws -> [MaintenanceWindow] {
        let ms = Timestamp.milliseconds(now)
        return try db.query(
            selectFrom + " WHERE w.ends_at > ? AND w.starts_at <= ? AND w.deleted_at IS NULL ORDER BY w.id", [ms, ms],
            row: read)
    }

    /// The first active window that holds `incident`'s pages at `now`, if any.
    static func covering(_ incident: Incident, at now: Date, in db: Connection) throws -> MaintenanceWindow? {
        try active(at: now, in: db).first { $0.covers(incident, at: now) }
    }

    static func encodeMatchers(_ matchers: [LabelMatcher]) -> String {
        JSONText.encode(
            matchers.map {
                .object(["label": .string($0.label), "op": .string($0.op.rawValue), "value": .string($0.value)])
            })
    }
}
