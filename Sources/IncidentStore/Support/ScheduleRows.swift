import Foundation
import IncidentDomain
import SQLiteCore

/// How a `Schedule` maps to a row of `schedules` (rotations and overrides as JSON arrays).
enum ScheduleRows {
    static let columns = "id, name, rotations, overrides, created_at, updated_at"

    static func read(_ row: Statement) throws -> Schedule {
        Schedule(
            id: ScheduleID(try row.column(0, as: Int64.self)),
            name: try row.column(1, as: String.self),
            rotations: try OnCallJSON.decode(
                [Rotation].self, try row.column(2, as: String.self), column: "schedules.rotations"),
            overrides: try OnCallJSON.decode(
                [ScheduleOverride].self, try row.column(3, as: String.self), column: "schedules.overrides"),
            createdAt: Timestamp.date(milliseconds: try row.column(4, as: Int64.self)),
            updatedAt: Timestamp.date(milliseconds: try row.column(5, as: Int64.self)))
    }

    static func find(_ reference: OnCallReference, in db: Connection) throws -> Schedule? {
        switch reference {
        case .id(let id): try db.queryFirst("SELECT \(columns) FROM schedules WHERE id = ?", [id], row: read)
        case .name(let name): try db.queryFirst("SELECT \(columns) FROM schedules WHERE name = ?", [name], row: read)
        }
    }

    static func require(_ reference: OnCallReference, in db: Connection) throws -> Schedule {
        guard let schedule = try find(reference, in: db) else {
            throw OnCallNotFound.error(
                .schedule, reference, namesQuery: "SELECT name FROM schedules ORDER BY name", in: db)
        }
        return schedule
    }

    static func all(in db: Connection) throws -> [Schedule] {
        try db.query("SELECT \(columns) FROM schedules ORDER BY name", row: read)
    }

    /// The schedules with these names, by name (unknown names are left out).
    static func byName(_ names: some Sequence<String>, in db: Connection) throws -> [String: Schedule] {
        var result: [String: Schedule] = [:]
        for name in Set(names) {
            if let schedule = try find(.name(name), in: db) { result[name] = schedule }
        }
        return result
    }

    static func write(_ schedule: Schedule, insert: Bool, in db: Connection) throws {
        let values: [(any SQLiteValueConvertible)?] = [
            schedule.name, try OnCallJSON.encode(schedule.rotations), try OnCallJSON.encode(schedule.overrides),
            Timestamp.milliseconds(schedule.createdAt), Timestamp.milliseconds(schedule.updatedAt),
            schedule.id.rawValue,
        ]
        do {
            if insert {
                try db.execute(
                    "INSERT INTO schedules (name, rotations, overrides, created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?)",
                    values)
            } else {
                try db.execute(
                    "UPDATE schedules SET name = ?, rotations = ?, overrides = ?, created_at = ?, updated_at = ? WHERE id = ?",
                    values)
            }
        } catch let error as SQLiteError where error.isUniqueConstraint {
            throw IncidentError.conflict("a schedule named \(schedule.name) already exists")
        }
    }

    static func stored(_ schedule: Schedule) -> Schedule {
        var copy = schedule
        copy.createdAt = Timestamp.truncated(schedule.createdAt)
        copy.updatedAt = Timestamp.truncated(schedule.updatedAt)
        copy.overrides = schedule.overrides.map {
            ScheduleOverride(user: $0.user, from: Timestamp.truncated($0.from), until: Timestamp.truncated($0.until))
        }
        return copy
    }
}
