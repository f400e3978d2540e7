import Foundation
import IncidentDomain
import SQLiteCore

/// `UserRepository` on SQLite: one transaction per method.
public struct SQLiteUserRepository: UserRepository {
    let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    public func create(_ draft: UserDraft, at now: Date) async throws -> User {
        try await pool.repositoryWrite { db in
            let nextID = try db.queryValue("SELECT coalesce(max(id), 0) + 1 FROM users", as: Int64.self) ?? 1
            let user = UserRows.stored(
                User(
                    id: UserID(nextID), handle: draft.handle, name: draft.name, timeZone: draft.timeZone,
                    workingHours: draft.workingHours, contact: draft.contact, createdAt: now))
            try UserRows.write(user, insert: true, in: db)
            return user
        }
    }

    public func user(_ reference: OnCallReference) async throws -> User {
        try await pool.repositoryRead { db in try UserRows.require(reference, in: db) }
    }

    public func list() async throws -> [User] {
        try await pool.repositoryRead { db in
            try db.query("SELECT \(UserRows.columns) FROM users ORDER BY handle", row: UserRows.read)
        }
    }

    public func replace(_ reference: OnCallReference, with draft: UserDraft, at now: Date) async throws -> User {
        try await pool.repositoryWrite { db in
            let current = try UserRows.require(reference, in: db)
            guard draft.handle == current.handle else {
                throw IncidentError.validation([
                    FieldError(field: "handle", message: "cannot change (is \(current.handle)); create a new user")
                ])
            }
            var next = current
            next.name = draft.name
            next.timeZone = draft.timeZone
            next.workingHours = draft.workingHours
            next.contact = draft.contact
            if next == current { return current }
            next.updatedAt = now
            next = UserRows.stored(next)
            try UserRows.write(next, insert: false, in: db)
            return next
        }
    }

    public func assignToken(_ token: TokenID, to user: OnCallReference) async throws {
        try await pool.repositoryWrite { db in
            let owner = try UserRows.require(user, in: db)
            try db.execute("UPDATE api_tokens SET user_id = ? WHERE id = ?", [owner.id.rawValue, token.rawValue])
            guard db.changedRowCount == 1 else { throw IncidentError.notFound(.token, id: token.description) }
        }
    }

    public func delete(_ reference: OnCallReference) async throws {
        try await pool.repositoryWrite { db in
            let user = try UserRows.require(reference, in: db)
            for schedule in try ScheduleRows.all(in: db) where schedule.userHandles.contains(user.handle) {
                throw IncidentError.conflict("user \(user.handle) is in schedule \(schedule.name)")
            }
            let policies = try db.query(
                "SELECT \(EscalationPolicyRows.columns) FROM escalation_policies ORDER BY name",
                row: EscalationPolicyRows.read)
            for policy in policies where policy.levels.flatMap(\.targets).contains(.user(user.handle)) {
                throw IncidentError.conflict("user \(user.handle) is a target of escalation policy \(policy.name)")
            }
            try db.execute("UPDATE api_tokens SET user_id = NULL WHERE user_id = ?", [user.id.rawValue])
            try db.execute("DELETE FROM users WHERE id = ?", [user.id.rawValue])
        }
    }
}
