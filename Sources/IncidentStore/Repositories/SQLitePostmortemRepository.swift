import Foundation
import IncidentDomain
import SQLiteCore

/// `PostmortemRepository` on SQLite: sections, action items and the postmortem-checked close, each one
/// transaction of the pool, timeline events written in the same transaction as the change they record.
public struct SQLitePostmortemRepository: PostmortemRepository {
    let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    public func record(of incident: IncidentID) async throws -> PostmortemRecord {
        try await pool.repositoryRead { db in try Self.record(of: incident, in: db) }
    }

    /// The record on a connection the caller holds (the `klaxon postmortem` command reads without the pool's
    /// writer). `IncidentError.notFound` when there is no such incident.
    public static func record(of incident: IncidentID, on connection: Connection) throws -> PostmortemRecord {
        try record(of: incident, in: connection)
    }

    static func record(of id: IncidentID, in db: Connection) throws -> PostmortemRecord {
        let incident = try IncidentRows.require(id, in: db)
        return PostmortemRecord(
            incident: incident, timeline: try TimelineRows.all(of: id, in: db),
            alerts: try AlertRows.all(of: id, in: db),
            sections: try PostmortemRows.sections(of: id, in: db), actionItems: try PostmortemRows.items(of: id, in: db)
        )
    }

    public func sections(of incident: IncidentID) async throws -> [PostmortemSection] {
        try await pool.repositoryRead { db in
            try SQLiteIncidentRepository.requireExists(incident, in: db)
            return try PostmortemRows.sections(of: incident, in: db)
        }
    }

    public func writeSection(
        _ name: PostmortemSectionName, text: String, of incident: IncidentID, by actor: Principal, at now: Date
    ) async throws -> PostmortemSection {
        try await pool.repositoryWrite { db in
            try SQLiteIncidentRepository.requireExists(incident, in: db)
            let section = PostmortemSection(
                name: name, text: text, updatedAt: Timestamp.truncated(now), updatedBy: actor)
            try PostmortemRows.writeSection(section, of: incident, in: db)
            let event = NewTimelineEvent(
                at: now, kind: .postmortemSectionWritten, actor: actor,
                message: "Postmortem section \(name.rawValue) written",
                data: ["section": .string(name.rawValue)])
            _ = try TimelineRows.append([event], to: incident, in: db)
            return section
        }
    }

    public func close(
        _ incident: IncidentID, expectedVersion: Int?, by actor: Principal, at now: Date, force: Bool, note: String?
    ) async throws -> IncidentUpdate {
        try await pool.repositoryWrite { db in
            let current = try IncidentRows.require(incident, in: db)
            try current.check(expectedVersion: expectedVersion)
            let written = Set(try PostmortemRows.sections(of: incident, in: db).map(\.name))
            let edits = try TimelineRows.all(of: incident, kind: .fieldChanged, in: db)
            let change = try current.closing(
                at: now, by: actor, force: force, note: note, written: written,
                formerSeverities: edits.compactMap(\.severityChangedFrom))
            return try SQLiteIncidentRepository.store(change, replacing: current, in: db)
        }
    }

    public func actionItems(of incident: IncidentID) async throws -> [ActionItem] {
        try await pool.repositoryRead { db in
            try SQLiteIncidentRepository.requireExists(incident, in: db)
            return try PostmortemRows.items(of: incident, in: db)
        }
    }

    public func actionItems(status: ActionItem.Status?) async throws -> [ActionItem] {
        try await pool.repositoryRead { db in try PostmortemRows.items(status: status, in: db) }
    }

    public func addActionItem(_ draft: ActionItemDraft, to incident: IncidentID, by actor: Principal, at now: Date)
        async throws -> ActionItem
    {
        try await pool.repositoryWrite { db in
            try SQLiteIncidentRepository.requireExists(incident, in: db)
            let item = try PostmortemRows.insert(draft, to: incident, at: now, in: db)
            _ = try TimelineRows.append([draft.addedEvent(item, by: actor, at: now)], to: incident, in: db)
            return item
        }
    }

    public func updateActionItem(_ id: ActionItemID, _ edit: ActionItemEdit, by actor: Principal, at now: Date)
        async throws -> ActionItem
    {
        try await pool.repositoryWrite { db in
            let current = try PostmortemRows.item(id, in: db)
            let (item, event) = current.applying(edit, by: actor, at: Timestamp.truncated(now))
            guard item != current else { return current }
            try PostmortemRows.update(item, in: db)
            if let event { _ = try TimelineRows.append([event], to: item.incidentID, in: db) }
            return item
        }
    }

    public func deleteActionItem(_ id: ActionItemID, by actor: Principal, at now: Date) async throws {
        try await pool.repositoryWrite { db in
            let item = try PostmortemRows.item(id, in: db)
            try db.execute("DELETE FROM action_items WHERE id = ?", [id.rawValue])
            _ = try TimelineRows.append([item.deletedEvent(by: actor, at: now)], to: item.incidentID, in: db)
        }
    }
}
