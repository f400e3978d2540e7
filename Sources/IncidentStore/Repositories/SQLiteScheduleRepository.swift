import Foundation
import IncidentDomain
import SQLiteCore

/// `ScheduleRepository` on SQLite: one transaction per method; handles are checked against `users` in it.
public struct SQLiteScheduleRepository: ScheduleRepository {
    let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    public func create(_ draft: ScheduleDraft, at now: Date) async throws -> Schedule {
        try await pool.repositoryWrite { db in
            try Self.checkUsers(draft, in: db)
            let nextID = try db.queryValue("SELECT coalesce(max(id), 0) + 1 FROM schedules", as: Int64.self) ?? 1
            let schedule = ScheduleRows.stored(
                Schedule(
                    id: ScheduleID(nextID), name: draft.name, rotations: draft.rotations, overrides: draft.overrides,
                    createdAt: now))
            try ScheduleRows.write(schedule, insert: true, in: db)
            return schedule
        }
    }

    public func schedule(_ reference: OnCallReference) async throws -> Schedule {
        try await pool.repositoryRead { db in try ScheduleRows.require(reference, in: db) }
    }

    public func list() async throws -> [Schedule] {
        try await pool.repositoryRead { db in try ScheduleRows.all(in: db) }
    }

    public func replace(_ reference: OnCallReference, with draft: ScheduleDraft, at now: Date) async throws
        -> Schedule
    {
        try await pool.repositoryWrite { db in
            let current = try ScheduleRows.require(reference, in: db)
            guard draft.name == current.name else {
                throw IncidentError.validation([
                    FieldError(field: "name", message: "cannot change (is \(current.name)); create a new schedule")
                ])
            }
            try Self.checkUsers(draft, in: db)
            var next = current
            next.rotations = draft.rotations
            next.overrides = draft.overrides
            next.updatedAt = now
            next = ScheduleRows.stored(next)
            try ScheduleRows.write(next, insert: false, in: db)
            return next
        }
    }

    public func addOverride(_ override: ScheduleOverride, to reference: OnCallReference, at now: Date) async throws
        -> Schedule
    {
        try await pool.repositoryWrite { db in
            let current = try ScheduleRows.require(reference, in: db)
            guard try UserRows.find(.name(override.user), in: db) != nil else {
                throw IncidentError.validation([FieldError(field: "user", message: "no user \(override.user)")])
            }
            var next = current
            // Ended overrides stay for a while, so "who was on call last Tuesday?" keeps its answer for the
            // postmortem; only those still to come count against the limit.
            let history = now.addingTimeInterval(-NewSchedule.endedOverrideHistory)
            next.overrides = current.overrides.filter { $0.until > history } + [override]
            guard next.overrides.count(where: { $0.until > now }) <= NewSchedule.maxOverrides else {
                throw IncidentError.conflict(
                    "schedule \(current.name) has \(NewSchedule.maxOverrides) overrides still to come; replace the schedule"
                )
            }
            next.updatedAt = now
            next = ScheduleRows.stored(next)
            try ScheduleRows.write(next, insert: false, in: db)
            return next
        }
    }

    public func delete(_ reference: OnCallReference) async throws {
        try await pool.repositoryWrite { db in
            let schedule = try ScheduleRows.require(reference, in: db)
            let policies = try db.query(
                "SELECT \(EscalationPolicyRows.columns) FROM escalation_policies ORDER BY name",
                row: EscalationPolicyRows.read)
            for policy in policies where policy.levels.flatMap(\.targets).contains(.schedule(schedule.name)) {
                throw IncidentError.conflict(
                    "schedule \(schedule.name) is a target of escalation policy \(policy.name)")
            }
            try db.execute("DELETE FROM schedules WHERE id = ?", [schedule.id.rawValue])
        }
    }

    static func checkUsers(_ draft: ScheduleDraft, in db: Connection) throws {
        let problems = draft.unknownUsers(known: try UserRows.allHandles(in: db))
        if !problems.isEmpty { throw IncidentError.validation(problems) }
    }
}
