import Foundation
import IncidentDomain
import SQLiteCore

/// `MaintenanceWindowRepository` on SQLite.
public struct SQLiteMaintenanceWindowRepository: MaintenanceWindowRepository {
    let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    public func create(_ draft: MaintenanceWindowDraft, by actor: Principal, at now: Date) async throws
        -> MaintenanceWindow
    {
        try await pool.repositoryWrite { db in
            var serviceID: Int64?
            if let reference = draft.service {
                serviceID = try ServiceRows.requireField(reference, in: db).id.rawValue
            }
            try db.execute(
                """
                INSERT INTO maintenance_windows (service_id, matchers, starts_at, ends_at, reason, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    serviceID, MaintenanceRows.encodeMatchers(draft.matchers), Timestamp.milliseconds(draft.startsAt),
                    Timestamp.milliseconds(draft.endsAt), draft.reason, actor.description, Timestamp.milliseconds(now),
                ])
            return try MaintenanceRows.require(MaintenanceWindowID(db.lastInsertedRowID), in: db)
        }
    }

    public func list() async throws -> [MaintenanceWindow] {
        try await pool.repositoryRead { db in
            try db.query(
                MaintenanceRows.selectFrom + " ORDER BY w.starts_at DESC, w.id DESC", row: MaintenanceRows.read)
        }
    }

    public func active(at now: Date) async throws -> [MaintenanceWindow] {
        try await pool.repositoryRead { db in try MaintenanceRows.active(at: now, in: db) }
    }

    public func window(_ id: MaintenanceWindowID) async throws -> MaintenanceWindow {
        try await pool.repositoryRead { db in try MaintenanceRows.require(id, in: db) }
    }

    public func update(_ id: MaintenanceWindowID, endsAt: Date?, reason: String?) async throws -> MaintenanceWindow {
        try await pool.repositoryWrite { db in
            _ = try MaintenanceRows.requireNotDeleted(id, in: db)
            if let endsAt {
                try db.execute(
                    "UPDATE maintenance_windows SET ends_at = ? WHERE id = ?",
                    [Timestamp.milliseconds(endsAt), id.rawValue])
            }
            if let reason {
                try db.execute("UPDATE maintenance_windows SET reason = ? WHERE id = ?", [reason, id.rawValue])
            }
            return try MaintenanceRows.require(id, in: db)
        }
    }

    /// Kept, marked deleted (0020): the record of who held paging stays, and the id is never given again.
    public func delete(_ id: MaintenanceWindowID, by actor: Principal, at now: Date) async throws {
        try await pool.repositoryWrite { db in
            _ = try MaintenanceRows.requireNotDeleted(id, in: db)
            try db.execute(
                "UPDATE maintenance_windows SET deleted_at = ?, deleted_by = ? WHERE id = ?",
                [Timestamp.milliseconds(now), actor.description, id.rawValue])
        }
    }
}
