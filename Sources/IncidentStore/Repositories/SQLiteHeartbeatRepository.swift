import Foundation
import IncidentDomain
import SQLiteCore

/// `HeartbeatRepository` on SQLite. Opening and resolving a heartbeat's incident go through the incident
/// repository's own write paths inside the heartbeat's transaction, so they page (escalation hook) and
/// stop paging like any other incident.
public struct SQLiteHeartbeatRepository: HeartbeatRepository {
    let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    public func create(_ draft: HeartbeatDraft, at now: Date) async throws -> Heartbeat {
        try await pool.repositoryWrite { db in
            let service = try ServiceRows.requireField(draft.service, in: db)
            let nextID = try db.queryValue("SELECT coalesce(max(id), 0) + 1 FROM heartbeats", as: Int64.self) ?? 1
            let heartbeat = HeartbeatRows.stored(
                Heartbeat(
                    id: HeartbeatID(nextID), name: draft.name, service: service.ref,
                    intervalSeconds: draft.intervalSeconds, graceSeconds: draft.graceSeconds,
                    severity: draft.severity,
                    dueAt: now.addingTimeInterval(Double(draft.intervalSeconds + draft.graceSeconds)), createdAt: now))
            try HeartbeatRows.write(heartbeat, insert: true, in: db)
            return heartbeat
        }
    }

    public func heartbeat(_ reference: OnCallReference) async throws -> Heartbeat {
        try await pool.repositoryRead { db in try HeartbeatRows.require(reference, in: db) }
    }

    public func list() async throws -> [Heartbeat] {
        try await pool.repositoryRead { db in
            try db.query(HeartbeatRows.selectFrom + " ORDER BY h.name", row: HeartbeatRows.read)
        }
    }

    public func replace(_ reference: OnCallReference, with draft: HeartbeatDraft, at now: Date) async throws
        -> Heartbeat
    {
        try await pool.repositoryWrite { db in
            let current = try HeartbeatRows.require(reference, in: db)
            guard draft.name == current.name else {
                throw IncidentError.validation([
                    FieldError(field: "name", message: "cannot change (is \(current.name)); create a new heartbeat")
                ])
            }
            var next = current
            next.service = try ServiceRows.requireField(draft.service, in: db).ref
            next.intervalSeconds = draft.intervalSeconds
            next.graceSeconds = draft.graceSeconds
            next.severity = draft.severity
            next.dueAt = (current.lastPingAt ?? now).addingTimeInterval(next.allowance)
            next.updatedAt = now
            next = HeartbeatRows.stored(next)
            try HeartbeatRows.write(next, insert: false, in: db)
            return next
        }
    }

    public func delete(_ reference: OnCallReference, by actor: Principal, at now: Date) async throws {
        try await pool.repositoryWrite { db in
            let heartbeat = try HeartbeatRows.require(reference, in: db)
            try db.execute("DELETE FROM heartbeats WHERE id = ?", [heartbeat.id.rawValue])
            // Its open incident stays (someone should still look), but nothing will resolve it any more.
            if let id = heartbeat.incidentID, let incident = try IncidentRows.find(id, in: db), incident.status.isOpen {
                _ = try TimelineRows.append(
                    [
                        NewTimelineEvent(
                            at: now, kind: .note, actor: actor,
                            message: "Heartbeat \(heartbeat.name) was deleted: this incident no longer resolves "
                                + "itself when pings return; resolve it by hand")
                    ], to: id, in: db)
            }
        }
    }

    public func ping(_ reference: OnCallReference, at now: Date) async throws -> Heartbeat {
        try await pool.repositoryWrite { db in
            let current = try HeartbeatRows.require(reference, in: db)
            if let id = current.incidentID, let incident = try IncidentRows.find(id, in: db), incident.status.isOpen {
                let change = try incident.applying(
                    .resolve, at: now, by: Heartbeat.principal,
                    note: "Heartbeat \(current.name) pinged again")
                _ = try SQLiteIncidentRepository.store(change, replacing: incident, in: db)
            }
            let next = HeartbeatRows.stored(current.pinged(at: now))
            try HeartbeatRows.write(next, insert: false, in: db)
            return next
        }
    }

    public func runDue(at now: Date) async throws -> Int {
        // Polled every second: ask a reader first, so an idle poll never takes the writer.
        let anyDue = try await pool.repositoryRead { db in
            try db.queryValue(
                "SELECT 1 FROM heartbeats h \(Self.dueCondition) LIMIT 1", [Timestamp.milliseconds(now)],
                as: Int64.self) != nil
        }
        guard anyDue else { return 0 }
        return try await pool.repositoryWrite { db in
            let due = try db.query(
                HeartbeatRows.selectFrom + " \(Self.dueCondition) ORDER BY h.due_at LIMIT 100",
                [Timestamp.milliseconds(now)], row: HeartbeatRows.read)
            for heartbeat in due {
                let creation = try SQLiteIncidentRepository.create(
                    try heartbeat.missedIncident(at: now), by: Heartbeat.principal, at: now, in: db)
                var next = heartbeat
                next.incidentID = creation.incident.id
                next.updatedAt = now
                try HeartbeatRows.write(HeartbeatRows.stored(next), insert: false, in: db)
            }
            return due.count
        }
    }

    /// Heartbeats (`h`) to open an incident for at `?1`: overdue with none open, or whose incident somebody
    /// resolved or closed while pings stayed away, once a further interval + grace has passed since then
    /// (without this, such a heartbeat pointed at a closed incident and never paged again).
    static let dueCondition = """
        WHERE (h.incident_id IS NULL AND h.due_at <= ?1)
           OR (h.incident_id IS NOT NULL AND EXISTS (
                SELECT 1 FROM incidents i
                WHERE i.id = h.incident_id AND i.status IN ('resolved', 'closed')
                  AND max(h.due_at, coalesce(i.resolved_at, i.updated_at)
                      + (h.interval_seconds + h.grace_seconds) * 1000) <= ?1))
        """
}
