import Foundation
import IncidentDomain
import SQLiteCore

/// `IncidentRepository` on SQLite: every method is one transaction of the pool (writes group-committed,
/// each caller in its own savepoint), so an incident row and its timeline events are stored together or
/// not at all. Storage failures surface as `StorageUnavailable`; domain errors pass through unchanged.
public struct SQLiteIncidentRepository: IncidentRepository {
    let pool: DatabasePool

    /// A repository over an open, migrated pool (see ``KlaxonStore``).
    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// "The incident is open", spelled exactly as in the partial indexes (`0011_checks_without_temporary_tables.sql`)
    /// so the planner can use them; prefix the column's table alias where the query has one.
    static let openCondition = "status NOT IN ('resolved', 'closed')"

    public func create(_ draft: IncidentDraft, by actor: Principal, at now: Date) async throws -> IncidentCreation {
        try await pool.repositoryWrite { db in try Self.create(draft, by: actor, at: now, in: db) }
    }

    /// The body of `create` on a write connection the caller holds, so alert ingestion opens incidents by the
    /// same code path inside its own transaction.
    static func create(_ draft: IncidentDraft, by actor: Principal, at now: Date, in db: Connection) throws
        -> IncidentCreation
    {
        guard let service = try ServiceRows.find(draft.service, in: db) else {
            throw ServiceRows.unknown(draft.service, in: db)
        }
        if let dedupKey = draft.dedupKey,
            let existing = try openIncident(service: service.id, dedupKey: dedupKey, in: db)
        {
            return IncidentCreation(incident: existing, created: false, events: [])
        }
        return try createChecked(draft, on: service, by: actor, at: now, in: db)
    }

    /// `create` for a caller that has read the draft's `service` in this transaction and found no open incident
    /// of it with the draft's dedup key (alert ingestion, which decided to open one on exactly that): the two
    /// reads are not made again. The partial unique index still refuses a second open incident of the key.
    static func createChecked(
        _ draft: IncidentDraft, on service: Service, by actor: Principal, at now: Date, in db: Connection
    ) throws -> IncidentCreation {
        let nextID = try db.queryValue("SELECT coalesce(max(id), 0) + 1 FROM incidents", as: Int64.self) ?? 1
        // The escalation hook may adjust the change and pages level 0 once the incident is written.
        let escalation = try EscalationRows.plan(
            draft.creation(id: IncidentID(nextID), service: service.ref, by: actor, at: now), previous: nil, in: db)
        let change = escalation.plan.change
        do {
            try IncidentRows.insert(change.incident, into: db)
        } catch let error as SQLiteError where error.isUniqueConstraint {
            // Second line of defence: another writer (another process on the same file) opened it first.
            if let dedupKey = draft.dedupKey,
                let existing = try openIncident(service: service.id, dedupKey: dedupKey, in: db)
            {
                return IncidentCreation(incident: existing, created: false, events: [])
            }
            throw error
        }
        var events = try TimelineRows.append(change.events, to: change.incident.id, in: db)
        events += try EscalationRows.apply(escalation, incident: change.incident, in: db)
        return IncidentCreation(incident: IncidentRows.stored(change.incident), created: true, events: events)
    }

    /// The open incident of `service` with `dedupKey`, through the partial unique index.
    static func openIncident(service: ServiceID, dedupKey: String, in db: Connection) throws -> Incident? {
        try db.queryFirst(
            IncidentRows.selectFrom
                + " WHERE i.service_id = ? AND i.dedup_key = ? AND i.\(openCondition)",
            [service.rawValue, dedupKey], row: IncidentRows.read)
    }

    public func incident(_ id: IncidentID) async throws -> Incident {
        try await pool.repositoryRead { db in try IncidentRows.require(id, in: db) }
    }

    /// Read on a reader thread of the pool, which calls `completion` (no task is resumed).
    public func incident(_ id: IncidentID, completion: @escaping @Sendable (Result<Incident, any Error>) -> Void) {
        pool.read({ db in try IncidentRows.require(id, in: db) }) { result in
            completion(result.mapError { StorageErrorTranslation.translate($0) })
        }
    }

    public func list(_ query: IncidentListQuery) async throws -> IncidentPage {
        try await pool.repositoryRead { db in try IncidentListSQL.page(query, in: db) }
    }

    /// The pool's write generation: every write of this process goes through the one pool, so it counts them
    /// all. Writes by another process on the same file (`klaxon` subcommands never write incidents) are not.
    public var writeGeneration: UInt64? { pool.writeGeneration }

    public func update(
        _ id: IncidentID,
        expectedVersion: Int?,
        _ change: @escaping @Sendable (Incident) throws(IncidentError) -> IncidentChange
    ) async throws -> IncidentUpdate {
        try await pool.repositoryWrite { db in
            let current = try IncidentRows.require(id, in: db)
            try current.check(expectedVersion: expectedVersion)
            return try Self.store(try change(current), replacing: current, in: db)
        }
    }

    public func edit(
        _ id: IncidentID, expectedVersion: Int?, _ edit: IncidentEdit, by actor: Principal, at now: Date
    ) async throws -> IncidentUpdate {
        try await pool.repositoryWrite { db in
            let current = try IncidentRows.require(id, in: db)
            try current.check(expectedVersion: expectedVersion)
            if case .set(let commander) = edit.commander { try UserRows.checkCommander(commander, in: db) }
            // Looked up before the pure edit runs (its resolver cannot do I/O), inside the same transaction.
            var resolved: (reference: ServiceReference, service: ServiceRef?)?
            if case .set(let reference) = edit.service {
                resolved = (reference, try ServiceRows.find(reference, in: db)?.ref)
            }
            // The error names the services there are, which the resolver below cannot read.
            let unknown = resolved.flatMap { $0.service == nil ? ServiceRows.unknown($0.reference, in: db) : nil }
            let change = try current.applying(edit, by: actor, at: now) { reference throws(IncidentError) in
                guard let resolved, resolved.reference == reference, let service = resolved.service else {
                    throw unknown ?? IncidentError.unknownService(reference)
                }
                return service
            }
            return try Self.store(change, replacing: current, in: db)
        }
    }

    /// Writes a non-empty change (incident row, labels, events); an empty one writes nothing.
    /// `receivedEventData`: see `TimelineRows.append`.
    static func store(
        _ change: IncidentChange, replacing current: Incident, receivedEventData: String? = nil, in db: Connection
    ) throws -> IncidentUpdate {
        if change.isEmpty { return IncidentUpdate(incident: current, events: []) }
        // The escalation hook: wraps the level onto the policy, stops or restarts the timer, pages.
        let escalation = try EscalationRows.plan(change, previous: current, in: db)
        let change = escalation.plan.change
        do {
            try IncidentRows.update(from: current, to: change.incident, in: db)
        } catch let error as SQLiteError where error.isUniqueConstraint {
            // Reopening while a newer open incident holds the same dedup key.
            throw IncidentError.conflict(
                "another open incident of this service has dedup key \(change.incident.dedupKey ?? "")")
        }
        let stopsBeingTriggered = current.status == .triggered && change.incident.status != .triggered
        let ends = current.status.isOpen && !change.incident.status.isOpen
        var cancelled: [NewTimelineEvent] = []
        if stopsBeingTriggered || ends {
            // Before `apply`, which may page (a manual escalation): those pages are not moot.
            cancelled = try EscalationRows.cancelPendingPages(
                of: current.id, nowThat: change.incident.status, at: change.incident.updatedAt, in: db)
        }
        var events = try TimelineRows.append(
            change.events, to: current.id, receivedEventData: receivedEventData, in: db)
        if !cancelled.isEmpty { events += try TimelineRows.append(cancelled, to: current.id, in: db) }
        events += try EscalationRows.apply(escalation, incident: change.incident, in: db)
        return IncidentUpdate(incident: IncidentRows.stored(change.incident), events: events)
    }

    public func addNote(_ id: IncidentID, _ note: NewTimelineEvent) async throws -> TimelineEvent {
        try await pool.repositoryWrite { db in
            try Self.requireExists(id, in: db)
            guard let event = try TimelineRows.append([note], to: id, in: db).first else {
                throw IncidentError.notFound(.incident, id: id.description)
            }
            return event
        }
    }

    public func timeline(_ id: IncidentID) async throws -> [TimelineEvent] {
        try await pool.repositoryRead { db in
            try Self.requireExists(id, in: db)
            return try TimelineRows.all(of: id, in: db)
        }
    }

    public func latestEvent(of id: IncidentID, kind: TimelineEventKind) async throws -> TimelineEvent? {
        try await pool.repositoryRead { db in try TimelineRows.latest(of: id, kind: kind, in: db) }
    }

    public func changes(after: TimelineEventID, through: TimelineEventID, limit: Int) async throws -> IncidentChanges {
        try await pool.repositoryRead { db in
            let events = try TimelineRows.range(after: after, through: through, limit: limit, in: db)
            var incidents: [IncidentID: Incident] = [:]
            for event in events where incidents[event.incidentID] == nil {
                incidents[event.incidentID] = try IncidentRows.require(event.incidentID, in: db)
            }
            return IncidentChanges(events: events, incidents: incidents)
        }
    }

    public func lastTimelineEventID() async throws -> TimelineEventID {
        try await pool.repositoryRead { db in try TimelineRows.lastID(in: db) }
    }

    /// Reads one incident on a connection the caller holds, without the pool's thread hop: for tools and
    /// benchmarks. `IncidentError.notFound` when there is none; SQLite errors are not translated.
    public static func incident(_ id: IncidentID, on connection: Connection) throws -> Incident {
        try IncidentRows.require(id, in: connection)
    }

    /// Lists one page on a connection the caller holds (see ``incident(_:on:)``).
    public static func list(_ query: IncidentListQuery, on connection: Connection) throws -> IncidentPage {
        try IncidentListSQL.page(query, in: connection)
    }

    static func requireExists(_ id: IncidentID, in db: Connection) throws {
        guard try db.queryValue("SELECT 1 FROM incidents WHERE id = ?", [id.rawValue], as: Int64.self) != nil else {
            throw IncidentError.notFound(.incident, id: id.description)
        }
    }
}
