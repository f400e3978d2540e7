import Foundation
import IncidentDomain
import SQLiteCore

/// How a `User` maps to a row of `users`.
enum UserRows {
    static let columns =
        "id, handle, name, time_zone, working_hours, webhook_url, slack_webhook_url, email, created_at, updated_at"

    static func read(_ row: Statement) throws -> User {
        User(
            id: UserID(try row.column(0, as: Int64.self)),
            handle: try row.column(1, as: String.self),
            name: try row.column(2, as: String.self),
            timeZone: try row.column(3, as: String.self),
            workingHours: try OnCallJSON.decode(
                WorkingHours.self, try row.column(4, as: String.self), column: "users.working_hours"),
            contact: ContactMethods(
                webhookURL: try row.column(5, as: String?.self),
                slackWebhookURL: try row.column(6, as: String?.self),
                email: try row.column(7, as: String?.self)),
            createdAt: Timestamp.date(milliseconds: try row.column(8, as: Int64.self)),
            updatedAt: Timestamp.date(milliseconds: try row.column(9, as: Int64.self)))
    }

    static func find(_ reference: OnCallReference, in db: Connection) throws -> User? {
        switch reference {
        case .id(let id): try db.queryFirst("SELECT \(columns) FROM users WHERE id = ?", [id], row: read)
        case .name(let handle): try db.queryFirst("SELECT \(columns) FROM users WHERE handle = ?", [handle], row: read)
        }
    }

    static func require(_ reference: OnCallReference, in db: Connection) throws -> User {
        guard let user = try find(reference, in: db) else {
            throw OnCallNotFound.error(.user, reference, namesQuery: "SELECT handle FROM users ORDER BY handle", in: db)
        }
        return user
    }

    /// The users with these handles, by handle (unknown handles are left out).
    static func byHandle(_ handles: some Sequence<String>, in db: Connection) throws -> [String: User] {
        var result: [String: User] = [:]
        for handle in Set(handles) {
            if let user = try find(.name(handle), in: db) { result[handle] = user }
        }
        return result
    }

    /// An incident's commander is a user handle once users exist (issue 6): with an empty directory any
    /// name goes (tokens and scripts set it before anyone is registered), after that a handle no user has is
    /// a validation error on `commander`, which catches typos before they leave an incident leaderless.
    static func checkCommander(_ commander: String, in db: Connection) throws {
        guard try db.queryValue("SELECT 1 FROM users LIMIT 1", as: Int64.self) != nil else { return }
        guard try find(.name(commander), in: db) == nil else { return }
        throw IncidentError.validation([
            FieldError(field: "commander", message: "must be the handle of a user (no user \(commander))")
        ])
    }

    /// Every handle there is.
    static func allHandles(in db: Connection) throws -> Set<String> {
        Set(try db.query("SELECT handle FROM users") { try $0.column(0, as: String.self) })
    }

    static func write(_ user: User, insert: Bool, in db: Connection) throws {
        let values: [(any SQLiteValueConvertible)?] = [
            user.handle, user.name, user.timeZone, try OnCallJSON.encode(user.workingHours), user.contact.webhookURL,
            user.contact.slackWebhookURL, user.contact.email, Timestamp.milliseconds(user.createdAt),
            Timestamp.milliseconds(user.updatedAt), user.id.rawValue,
        ]
        do {
            if insert {
                try db.execute(
                    """
                    INSERT INTO users (handle, name, time_zone, working_hours, webhook_url, slack_webhook_url, email,
                        created_at, updated_at, id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, values)
            } else {
                try db.execute(
                    """
                    UPDATE users SET handle = ?, name = ?, time_zone = ?, working_hours = ?, webhook_url = ?,
                        slack_webhook_url = ?, email = ?, created_at = ?, updated_at = ?
                    WHERE id = ?
                    """, values)
            }
        } catch let error as SQLiteError where error.isUniqueConstraint {
            throw IncidentError.conflict("a user with handle \(user.handle) already exists")
        }
    }

    static func stored(_ user: User) -> User {
        var copy = user
        copy.createdAt = Timestamp.truncated(user.createdAt)
        copy.updatedAt = Timestamp.truncated(user.updatedAt)
        return copy
    }
}
