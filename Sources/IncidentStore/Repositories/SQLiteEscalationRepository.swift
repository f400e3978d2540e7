import Foundation
import IncidentDomain
import SQLiteCore

/// `EscalationRepository` on SQLite. Each due incident is handled in its own write (undone alone when it
/// fails, even where group commit shares a transaction) that re-reads its state first, so two engines (or an
/// engine and a manual action) never page a level twice: whoever commits first moves the timer, and the other
/// finds nothing due.
public struct SQLiteEscalationRepository: EscalationRepository {
    let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Due incidents handled per call at most; the engine calls again while there are more.
    static let batchSize = 200

    public func runDue(at now: Date) async throws -> Int {
        let due = try await pool.repositoryRead { db in
            try db.query(
                """
                SELECT incident_id FROM incident_escalations
                WHERE next_escalation_at IS NOT NULL AND next_escalation_at <= ?
                ORDER BY next_escalation_at, incident_id LIMIT \(Self.batchSize)
                """, [Timestamp.milliseconds(now)]
            ) { IncidentID(try $0.column(0, as: Int64.self)) }
        }
        return try await writeEach(due) { id, db in try Self.fire(id, at: now, in: db) }
    }

    /// Runs `work` for every id as a write of its own, all of them at once, so group commit can put many into
    /// one transaction and one fsync (a failure still rolls back only that
    /// incident). One write per incident in turn made a storm's timers wait on one fsync each and run minutes
    /// late. Returns how many acted; rethrows the first error once every write has finished.
    private func writeEach(
        _ ids: [IncidentID], _ work: @escaping @Sendable (IncidentID, Connection) throws -> Bool
    ) async throws -> Int {
        let pool = self.pool
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            for id in ids {
                group.addTask { try await pool.repositoryWrite { db in try work(id, db) } }
            }
            var acted = 0
            var firstError: (any Error)?
            while let result = await group.nextResult() {
                switch result {
                case .success(let didAct): if didAct { acted += 1 }
                case .failure(let error): if firstError == nil { firstError = error }
                }
            }
            if let firstError { throw firstError }
            return acted
        }
    }

    /// Applies `EscalationRules.timer` to one incident inside the caller's write transaction.
    static func fire(_ id: IncidentID, at now: Date, in db: Connection) throws -> Bool {
        guard let state = try EscalationRows.state(of: id, in: db),
            let incident = try IncidentRows.find(id, in: db),
            let policy = try EscalationPolicyRows.find(.id(state.policyID.rawValue), in: db)
        else { return false }
        switch EscalationRules.timer(incident: incident, state: state, policy: policy, now: now) {
        case .none:
            return false
        case .escalate(var change):
            if try EscalationRows.reachedNobody(
                id, level: state.level, cycle: state.cycle, policy: policy.name, in: db)
            {
                change = try incident.applying(
                    .escalate, at: now, by: .system,
                    note: "at once, since level \(state.level) could reach nobody")
            }
            _ = try SQLiteIncidentRepository.store(change, replacing: incident, in: db)
        case .exhaust(let event, let stopped):
            _ = try TimelineRows.append([event], to: id, in: db)
            try EscalationRows.save(stopped, in: db)
        case .stop(let stopped):
            try EscalationRows.save(stopped, in: db)
        }
        return true
    }

    public func applyMaintenanceWindows(at now: Date) async throws -> Int {
        let (toHold, held) = try await pool.repositoryRead { db -> ([IncidentID], [IncidentID]) in
            let active = try MaintenanceRows.active(at: now, in: db)
            var toHold: [IncidentID] = []
            if !active.isEmpty {
                let running = try db.query(
                    """
                    SELECT incident_id FROM incident_escalations
                    WHERE next_escalation_at IS NOT NULL AND held_by_maintenance = 0
                    """
                ) { IncidentID(try $0.column(0, as: Int64.self)) }
                for id in running {
                    guard let incident = try IncidentRows.find(id, in: db) else { continue }
                    if active.contains(where: { $0.covers(incident, at: now) }) { toHold.append(id) }
                }
            }
            let held = try db.query("SELECT incident_id FROM incident_escalations WHERE held_by_maintenance = 1") {
                IncidentID(try $0.column(0, as: Int64.self))
            }
            return (toHold, held)
        }
        let holds = try await writeEach(toHold) { id, db in try Self.hold(id, at: now, in: db) }
        let resumes = try await writeEach(held) { id, db in try Self.resume(id, at: now, in: db) }
        return holds + resumes
    }

    /// Stops a running escalation that an active window now covers; re-checked inside the write.
    static func hold(_ id: IncidentID, at now: Date, in db: Connection) throws -> Bool {
        guard var state = try EscalationRows.state(of: id, in: db), state.nextEscalationAt != nil,
            try !EscalationRows.isHeld(id, in: db), let incident = try IncidentRows.find(id, in: db),
            let window = try MaintenanceRows.covering(incident, at: now, in: db)
        else { return false }
        state.nextEscalationAt = nil
        try EscalationRows.save(state, in: db)
        try EscalationRows.setHeld(true, id, in: db)
        var event = EscalationRows.heldEvent(window, level: state.level, at: now)
        event.message = "\(window.heldMessage); escalation stopped at level \(state.level)"
        _ = try TimelineRows.append([event], to: id, in: db)
        return true
    }

    /// Releases a held escalation that no active window covers any more. A still-triggered incident is paged at
    /// the level it stands at and its timer restarts; otherwise (acknowledged, resolved meanwhile) nothing is
    /// paged.
    static func resume(_ id: IncidentID, at now: Date, in db: Connection) throws -> Bool {
        guard try EscalationRows.isHeld(id, in: db), var state = try EscalationRows.state(of: id, in: db),
            let incident = try IncidentRows.find(id, in: db),
            try MaintenanceRows.covering(incident, at: now, in: db) == nil
        else { return false }
        try EscalationRows.setHeld(false, id, in: db)
        guard incident.status == .triggered, !state.exhausted,
            let policy = try EscalationPolicyRows.find(.id(state.policyID.rawValue), in: db),
            policy.levels.indices.contains(state.level)
        else { return true }
        _ = try TimelineRows.append(
            [
                NewTimelineEvent(
                    at: now, kind: .escalationResumed, actor: .system,
                    message: "Maintenance over and still not acknowledged: paging level \(state.level)",
                    data: ["escalation_level": .int(Int64(state.level))])
            ], to: id, in: db)
        // Saved before paging: a level that reaches nobody sets the timer to now.
        state.nextEscalationAt = now.addingTimeInterval(policy.delay(of: state.level))
        try EscalationRows.save(state, in: db)
        _ = try EscalationRows.page(
            level: state.level, cycle: state.cycle, of: policy, incident: incident, at: now, in: db)
        return true
    }

    public func nextDue() async throws -> Date? {
        try await pool.repositoryRead { db in
            try db.queryValue(
                "SELECT min(next_escalation_at) FROM incident_escalations WHERE next_escalation_at IS NOT NULL",
                as: Int64.self
            ).map { Timestamp.date(milliseconds: $0) }
        }
    }

    public func state(of incident: IncidentID) async throws -> EscalationState? {
        try await pool.repositoryRead { db in
            try SQLiteIncidentRepository.requireExists(incident, in: db)
            return try EscalationRows.state(of: incident, in: db)
        }
    }

    public func outbox(of incident: IncidentID) async throws -> [OutboxMessage] {
        try await pool.repositoryRead { db in
            try SQLiteIncidentRepository.requireExists(incident, in: db)
            return try db.query(
                "SELECT \(EscalationRows.outboxColumns) FROM notification_outbox WHERE incident_id = ? ORDER BY id",
                [incident.rawValue], row: EscalationRows.readOutbox)
        }
    }

    public func outbox(limit: Int) async throws -> [OutboxMessage] {
        try await pool.repositoryRead { db in
            try db.query(
                "SELECT \(EscalationRows.outboxColumns) FROM notification_outbox ORDER BY id DESC LIMIT ?", [limit],
                row: EscalationRows.readOutbox)
        }
    }
}
