import Foundation
import IncidentDomain
import SQLiteCore

/// How postmortem sections and action items map to rows of `postmortem_sections` and `action_items` (0005).
enum PostmortemRows {
    static func sections(of incident: IncidentID, in db: Connection) throws -> [PostmortemSection] {
        let stored = try db.query(
            "SELECT name, text, updated_at, updated_by FROM postmortem_sections WHERE incident_id = ?",
            [incident.rawValue]
        ) { row in
            let name = try PostmortemSectionName(
                stored: row.column(0, as: String.self), column: "postmortem_sections.name")
            let actorText = try row.column(3, as: String.self)
            guard let actor = Principal(parsing: actorText) else {
                throw StoredDataError(column: "postmortem_sections.updated_by", found: actorText)
            }
            return PostmortemSection(
                name: name, text: try row.column(1, as: String.self),
                updatedAt: Timestamp.date(milliseconds: try row.column(2, as: Int64.self)), updatedBy: actor)
        }
        let order = PostmortemSectionName.allCases
        return stored.sorted { order.firstIndex(of: $0.name) ?? 0 < order.firstIndex(of: $1.name) ?? 0 }
    }

    static func writeSection(_ section: PostmortemSection, of incident: IncidentID, in db: Connection) throws {
        try db.execute(
            """
            INSERT INTO postmortem_sections (incident_id, name, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (incident_id, name) DO UPDATE SET
                text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """,
            [
                incident.rawValue, section.name.rawValue, section.text, Timestamp.milliseconds(section.updatedAt),
                section.updatedBy.description,
            ])
    }

    static let itemColumns =
        "id, incident_id, title, type, owner, status, due_date, link, created_at, updated_at, done_at"

    static func items(of incident: IncidentID, in db: Connection) throws -> [ActionItem] {
        try db.query(
            "SELECT \(itemColumns) FROM action_items WHERE incident_id = ? ORDER BY id", [incident.rawValue],
            row: readItem)
    }

    /// Items with `status` (all when nil), due date first (none last), then id: `ActionItem.listedBefore`.
    static func items(status: ActionItem.Status?, in db: Connection) throws -> [ActionItem] {
        let order = " ORDER BY due_date IS NULL, due_date, id"
        guard let status else {
            return try db.query("SELECT \(itemColumns) FROM action_items" + order, row: readItem)
        }
        return try db.query(
            "SELECT \(itemColumns) FROM action_items WHERE status = ?" + order, [status.rawValue], row: readItem)
    }

    static func item(_ id: ActionItemID, in db: Connection) throws -> ActionItem {
        guard
            let item = try db.queryFirst(
                "SELECT \(itemColumns) FROM action_items WHERE id = ?", [id.rawValue], row: readItem)
        else { throw IncidentError.notFound(.actionItem, id: id.description) }
        return item
    }

    static func insert(_ draft: ActionItemDraft, to incident: IncidentID, at now: Date, in db: Connection) throws
        -> ActionItem
    {
        try db.execute(
            """
            INSERT INTO action_items (incident_id, title, type, owner, status, due_date, link, created_at, updated_at)
            VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?)
            """,
            [
                incident.rawValue, draft.title, draft.kind.rawValue, draft.owner, draft.dueDate?.description,
                draft.link, Timestamp.milliseconds(now), Timestamp.milliseconds(now),
            ])
        return draft.item(id: ActionItemID(db.lastInsertedRowID), incidentID: incident, at: Timestamp.truncated(now))
    }

    static func update(_ item: ActionItem, in db: Connection) throws {
        try db.execute(
            """
            UPDATE action_items SET title = ?, type = ?, owner = ?, status = ?, due_date = ?, link = ?, updated_at = ?,
                done_at = ?
            WHERE id = ?
            """,
            [
                item.title, item.kind.rawValue, item.owner, item.status.rawValue, item.dueDate?.description, item.link,
                Timestamp.milliseconds(item.updatedAt), item.doneAt.map(Timestamp.milliseconds), item.id.rawValue,
            ])
    }

    static func readItem(_ row: Statement) throws -> ActionItem {
        let kind = try ActionItem.Kind(stored: row.column(3, as: String.self), column: "action_items.type")
        let status = try ActionItem.Status(stored: row.column(5, as: String.self), column: "action_items.status")
        var dueDate: LocalDate?
        if let dueText = try row.optionalString(at: 6) {
            guard let parsed = LocalDate(parsing: dueText) else {
                throw StoredDataError(column: "action_items.due_date", found: dueText)
            }
            dueDate = parsed
        }
        return ActionItem(
            id: ActionItemID(try row.column(0, as: Int64.self)),
            incidentID: IncidentID(try row.column(1, as: Int64.self)),
            title: try row.column(2, as: String.self), kind: kind, owner: try row.optionalString(at: 4),
            status: status, dueDate: dueDate, link: try row.optionalString(at: 7),
            createdAt: Timestamp.date(milliseconds: try row.column(8, as: Int64.self)),
            updatedAt: Timestamp.date(milliseconds: try row.column(9, as: Int64.self)),
            doneAt: try row.optionalInt64(at: 10).map { Timestamp.date(milliseconds: $0) })
    }
}
