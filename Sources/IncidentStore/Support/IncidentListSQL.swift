import Foundation
import IncidentDomain
import SQLiteCore

/// Builds and runs the SQL of one incident list page. It reproduces `IncidentListQuery.matches` and
/// `isListedBefore` exactly (the store's tests compare the two):
///
/// - statuses and severities as `IN` lists of literals (closed enums, never client text), the open set
///   spelled as in the partial indexes (`status NOT IN ('resolved', 'closed')`) so the planner uses them;
/// - the service by id or name, resolved first in the same read transaction: one that does not exist is
///   `IncidentError.unknownService` (422), since an empty page for a mistyped name reads as "all quiet";
/// - labels through the indexed `incident_labels` side table (the first as `IN`, the rest as `EXISTS`);
/// - `q` as `LIKE` with `ESCAPE` on title and summary (ASCII case-insensitive, `%` and `_` literal);
/// - `since` inclusive, `until` exclusive, the cursor as `(created_at, id) < (?, ?)`;
/// - newest first, `LIMIT limit + 1` so `IncidentPage(fetched:limit:)` knows whether a next page exists.
enum IncidentListSQL {
    static func page(_ query: IncidentListQuery, in db: Connection) throws -> IncidentPage {
        let (sql, arguments) = try statement(for: query, in: db)
        let fetched = try db.query(sql, arguments, row: IncidentRows.read)
        return IncidentPage(fetched: fetched, limit: query.limit)
    }

    /// The SELECT and its arguments for `query`; `IncidentError.unknownService` when it names a service that
    /// does not exist.
    static func statement(for query: IncidentListQuery, in db: Connection) throws
        -> (sql: String, arguments: [(any SQLiteValueConvertible)?])
    {
        var conditions: [String] = []
        var arguments: [(any SQLiteValueConvertible)?] = []

        if query.statuses == IncidentStatus.openStatuses {
            conditions.append("i.\(SQLiteIncidentRepository.openCondition)")
        } else if !query.statuses.isEmpty {
            conditions.append("i.status IN \(literalList(IncidentStatus.allCases.filter(query.statuses.contains)))")
        }
        if !query.severities.isEmpty {
            let severities = Severity.allCases.filter(query.severities.contains)
            if severities.count == 1 {
                conditions.append("i.severity = '\(severities[0].rawValue)'")
            } else {
                conditions.append("i.severity IN \(literalList(severities))")
            }
        }
        if let service = query.service {
            let found: Int64? =
                switch service {
                case .id(let id):
                    try db.queryValue("SELECT id FROM services WHERE id = ?", [id.rawValue], as: Int64.self)
                case .name(let name):
                    try db.queryValue("SELECT id FROM services WHERE name = ?", [name], as: Int64.self)
                        ?? db.queryValue(
                            "SELECT service_id FROM service_former_names WHERE name = ?", [name], as: Int64.self)
                }
            guard let found else { throw ServiceRows.unknown(service, in: db) }
            conditions.append("i.service_id = ?")
            arguments.append(found)
        }
        for (index, label) in query.labels.enumerated() {
            // The first label may drive the query from the (key, value) index (a rare label must not scan
            // every incident); the others are checked per row through the side table's primary key.
            conditions.append(
                index == 0
                    ? "i.id IN (SELECT l.incident_id FROM incident_labels l WHERE l.key = ? AND l.value = ?)"
                    : "EXISTS (SELECT 1 FROM incident_labels l WHERE l.incident_id = i.id AND l.key = ? AND l.value = ?)"
            )
            arguments.append(label.key)
            arguments.append(label.value)
        }
        if let text = query.text {
            conditions.append("(i.title LIKE ? ESCAPE '\\' OR i.summary LIKE ? ESCAPE '\\')")
            let pattern = "%" + likeEscaped(text) + "%"
            arguments.append(pattern)
            arguments.append(pattern)
        }
        if let since = query.since {
            conditions.append("i.created_at >= ?")
            arguments.append(Timestamp.milliseconds(since))
        }
        if let until = query.until {
            conditions.append("i.created_at < ?")
            arguments.append(Timestamp.milliseconds(until))
        }
        if let cursor = query.cursor {
            conditions.append("(i.created_at, i.id) < (?, ?)")
            arguments.append(cursor.createdAtMilliseconds)
            arguments.append(cursor.id.rawValue)
        }

        var sql = IncidentRows.selectFrom
        if !conditions.isEmpty {
            sql += " WHERE " + conditions.joined(separator: " AND ")
        }
        sql += " ORDER BY i.created_at DESC, i.id DESC LIMIT ?"
        arguments.append(query.limit + 1)
        return (sql, arguments)
    }

    /// `('a', 'b')` from raw values of a closed enum (no quotes can occur in them).
    static func literalList<Value: RawRepresentable>(_ values: [Value]) -> String where Value.RawValue == String {
        "(" + values.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }

    /// `text` with `\`, `%` and `_` escaped by `\`, so LIKE takes them literally.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            if character == "\\" || character == "%" || character == "_" { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(character)
        }
        return escaped
    }
}
