import Foundation
import IncidentDomain
import SQLiteCore

/// How an `EscalationPolicy` maps to a row of `escalation_policies` (levels as a JSON array).
enum EscalationPolicyRows {
    static let columns = "id, name, levels, repeat_count, created_at, updated_at"

    /// Reads `columns` starting at column `offset`.
    static func read(_ row: Statement, offset: Int) throws -> EscalationPolicy {
        EscalationPolicy(
            id: EscalationPolicyID(try row.column(offset, as: Int64.self)),
            name: try row.column(offset + 1, as: String.self),
            levels: try OnCallJSON.decode(
                [EscalationLevel].self, try row.column(offset + 2, as: String.self),
                column: "escalation_policies.levels"),
            repeatCount: try row.column(offset + 3, as: Int.self),
            createdAt: Timestamp.date(milliseconds: try row.column(offset + 4, as: Int64.self)),
            updatedAt: Timestamp.date(milliseconds: try row.column(offset + 5, as: Int64.self)))
    }

    static func read(_ row: Statement) throws -> EscalationPolicy { try read(row, offset: 0) }

    static func find(_ reference: OnCallReference, in db: Connection) throws -> EscalationPolicy? {
        switch reference {
        case .id(let id):
            try db.queryFirst("SELECT \(columns) FROM escalation_policies WHERE id = ?", [id], row: read)
        case .name(let name):
            try db.queryFirst("SELECT \(columns) FROM escalation_policies WHERE name = ?", [name], row: read)
        }
    }

    static func require(_ reference: OnCallReference, in db: Connection) throws -> EscalationPolicy {
        guard let policy = try find(reference, in: db) else {
            throw OnCallNotFound.error(
                .escalationPolicy, reference, namesQuery: "SELECT name FROM escalation_policies ORDER BY name", in: db)
        }
        return policy
    }

    /// The policy a service follows, or nil.
    static func ofService(_ service: ServiceID, in db: Connection) throws -> EscalationPolicy? {
        try db.queryFirst(
            """
            SELECT p.id, p.name, p.levels, p.repeat_count, p.created_at, p.updated_at
            FROM services s JOIN escalation_policies p ON p.id = s.escalation_policy_id WHERE s.id = ?
            """, [service.rawValue], row: read)
    }

    /// The user handles and schedule names there are (at most 500 of each), to suggest the one meant.
    static func knownNames(in db: Connection) throws -> (users: [String], schedules: [String]) {
        let users = try db.query("SELECT handle FROM users ORDER BY handle LIMIT 500") {
            try $0.column(0, as: String.self)
        }
        let schedules = try db.query("SELECT name FROM schedules ORDER BY name LIMIT 500") {
            try $0.column(0, as: String.self)
        }
        return (users, schedules)
    }

    /// The users and schedules the levels name, read in this transaction, for reachability and pages.
    static func directory(for levels: [EscalationLevel], at now: Date?, in db: Connection) throws
        -> (users: [String: User], schedules: [String: Schedule])
    {
        var handles: [String] = []
        var scheduleNames: [String] = []
        for target in levels.flatMap(\.targets) {
            switch target {
            case .user(let handle): handles.append(handle)
            case .schedule(let name): scheduleNames.append(name)
            case .webhook: break
            }
        }
        let schedules = try ScheduleRows.byName(scheduleNames, in: db)
        for schedule in schedules.values {
            if let now {
                handles += schedule.onCall(at: now).map(\.user)
            } else {
                handles += schedule.userHandles
            }
        }
        return (try UserRows.byHandle(handles, in: db), schedules)
    }

    static func write(_ policy: EscalationPolicy, insert: Bool, in db: Connection) throws {
        let values: [(any SQLiteValueConvertible)?] = [
            policy.name, try OnCallJSON.encode(policy.levels), policy.repeatCount,
            Timestamp.milliseconds(policy.createdAt), Timestamp.milliseconds(policy.updatedAt), policy.id.rawValue,
        ]
        do {
            if insert {
                try db.execute(
                    """
                    INSERT INTO escalation_policies (name, levels, repeat_count, created_at, updated_at, id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, values)
            } else {
                try db.execute(
                    """
                    UPDATE escalation_policies SET name = ?, levels = ?, repeat_count = ?, created_at = ?, updated_at = ?
                    WHERE id = ?
                    """, values)
            }
        } catch let error as SQLiteError where error.isUniqueConstraint {
            throw IncidentError.conflict("an escalation policy named \(policy.name) already exists")
        }
    }

    static func stored(_ policy: EscalationPolicy) -> EscalationPolicy {
        var copy = policy
        copy.createdAt = Timestamp.truncated(policy.createdAt)
        copy.updatedAt = Timestamp.truncated(policy.updatedAt)
        return copy
    }
}
