import Foundation
import SQLiteCore
import Testing

@testable import IncidentStore

@Suite struct KlaxonSchemaTests {
    /// The repository's `migrations/` folder, found from this file's place in the source tree.
    static let migrationsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("migrations", isDirectory: true)

    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "klaxon-store-tests-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        var databasePath: String { url.appendingPathComponent("klaxon.db").path }
    }

    @Test func embeddedMigrationsEqualTheFilesOnDisk() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.migrationsDirectory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(!names.isEmpty)
        let onDisk = try names.map { name in
            let text = try String(contentsOf: Self.migrationsDirectory.appendingPathComponent(name), encoding: .utf8)
            return try #require(Migration(fileName: name, sql: text), "\(name) is named NNNN_name.sql")
        }
        let embedded = try KlaxonMigrations.all()
        #expect(embedded.map(\.fileName) == onDisk.map(\.fileName))
        #expect(embedded.map(\.checksum) == onDisk.map(\.checksum))
        #expect(embedded == onDisk)
        _ = try KlaxonMigrations.migrator()  // numbering is valid
    }

    @Test func openingAFreshFileAppliesTheSchemaAndCreatesTheDefaultService() async throws {
        let scratch = try Scratch()
        let pool = try await KlaxonDatabase.open(path: scratch.databasePath)
        let status = try await KlaxonDatabase.status(pool)
        #expect(!status.isEmpty)
        #expect(status.allSatisfy { $0.isApplied })
        let service = try await pool.read { db in
            try db.queryFirst("SELECT name, integration_key, created_at, integration_key_prefix FROM services") {
                (
                    try $0.column(0, as: String.self), try $0.column(1, as: String.self),
                    try $0.column(2, as: Date.self),
                    try $0.column(3, as: String?.self)
                )
            }
        }
        #expect(service?.0 == "default")
        #expect(service?.1.count == 64, "the key made by the first migration is hashed (hex SHA-256) at open")
        #expect(service?.3?.count == 8)
        #expect(abs((service?.2 ?? .distantPast).timeIntervalSinceNow) < 600, "created_at is unix milliseconds of now")
        await pool.close()

        // Opening again applies nothing and keeps the data.
        let again = try await KlaxonDatabase.open(path: scratch.databasePath)
        #expect(try await KlaxonDatabase.migrate(again).isEmpty)
        let services = try await again.read { try $0.queryValue("SELECT count(*) FROM services", as: Int.self) }
        #expect(services == 1)
        await again.close()
    }

    private func insertIncident(
        _ db: Connection, title: String = "Database down", status: String = "triggered", severity: String = "sev2",
        dedupKey: String? = nil, labels: String = "{}"
    ) throws -> Int64 {
        try db.execute(
            """
            INSERT INTO incidents (title, status, severity, service_id, dedup_key, labels, created_at, updated_at)
            VALUES (?, ?, ?, (SELECT id FROM services WHERE name = 'default'), ?, ?, ?, ?)
            """, [title, status, severity, dedupKey, labels, Date(), Date()])
        return db.lastInsertedRowID
    }

    @Test func atMostOneOpenIncidentPerServiceAndDedupKey() async throws {
        let scratch = try Scratch()
        let pool = try await KlaxonDatabase.open(path: scratch.databasePath)
        let first = try await pool.write { try insertIncident($0, dedupKey: "disk-full") }
        let error = await #expect(throws: SQLiteError.self) {
            try await pool.write { try insertIncident($0, dedupKey: "disk-full") }
        }
        #expect(error?.isUniqueConstraint == true)
        // Once resolved, the same key may open a new incident.
        try await pool.write { try $0.execute("UPDATE incidents SET status = 'resolved' WHERE id = ?", [first]) }
        try await pool.write { _ = try insertIncident($0, dedupKey: "disk-full") }
        // Unrouted incidents are covered too.
        try await pool.write {
            try $0.execute("INSERT INTO incidents (title, dedup_key, created_at, updated_at) VALUES ('a', 'k', 1, 1)")
        }
        let unrouted = await #expect(throws: SQLiteError.self) {
            try await pool.write {
                try $0.execute(
                    "INSERT INTO incidents (title, dedup_key, created_at, updated_at) VALUES ('b', 'k', 1, 1)")
            }
        }
        #expect(unrouted?.isUniqueConstraint == true)
        await pool.close()
    }

    @Test func statusAndSeverityAreChecked() async throws {
        let scratch = try Scratch()
        let pool = try await KlaxonDatabase.open(path: scratch.databasePath)
        let status = await #expect(throws: SQLiteError.self) {
            try await pool.write { _ = try insertIncident($0, status: "exploded") }
        }
        #expect(status?.isCheckConstraint == true)
        let severity = await #expect(throws: SQLiteError.self) {
            try await pool.write { _ = try insertIncident($0, severity: "sev0") }
        }
        #expect(severity?.isCheckConstraint == true)
        let service = await #expect(throws: SQLiteError.self) {
            try await pool.write {
                try $0.execute(
                    "INSERT INTO incidents (title, service_id, created_at, updated_at) VALUES ('x', 999, 1, 1)")
            }
        }
        #expect(service?.isForeignKeyConstraint == true)
        await pool.close()
    }

    @Test func timelineIsAppendOnly() async throws {
        let scratch = try Scratch()
        let pool = try await KlaxonDatabase.open(path: scratch.databasePath)
        try await pool.write { db in
            let incident = try insertIncident(db)
            try db.execute(
                "INSERT INTO timeline_events (incident_id, at, kind, actor, message) VALUES (?, ?, 'created', 'token:ops', 'opened')",
                [incident, Date()])
        }
        let update = await #expect(throws: SQLiteError.self) {
            try await pool.write { try $0.execute("UPDATE timeline_events SET message = 'rewritten'") }
        }
        #expect(update?.isTriggerConstraint == true)
        let delete = await #expect(throws: SQLiteError.self) {
            try await pool.write { try $0.execute("DELETE FROM timeline_events") }
        }
        #expect(delete?.isTriggerConstraint == true)
        let message = try await pool.read { try $0.queryValue("SELECT message FROM timeline_events", as: String.self) }
        #expect(message == "opened")
        await pool.close()
    }

    @Test func labelsAreMirroredIntoTheIndexedSideTable() async throws {
        let scratch = try Scratch()
        let pool = try await KlaxonDatabase.open(path: scratch.databasePath)
        let id = try await pool.write { try insertIncident($0, labels: #"{"team":"db","region":"eu"}"#) }
        try await pool.write { try insertIncident($0, labels: #"{"team":"web"}"#) }
        let sql = """
            SELECT i.id FROM incidents i JOIN incident_labels l ON l.incident_id = i.id
            WHERE l.key = ? AND l.value = ? ORDER BY i.created_at DESC, i.id DESC
            """
        let found = try await pool.read { db in try db.query(sql, ["team", "db"]) { try $0.column(0, as: Int64.self) } }
        #expect(found == [id])
        let plan = try await pool.read { db in
            try db.query("EXPLAIN QUERY PLAN " + sql, ["team", "db"]) { try $0.column("detail", as: String.self) }
        }
        #expect(plan.contains { $0.contains("incident_labels_by_value") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")

        try await pool.write {
            try $0.execute("UPDATE incidents SET labels = ? WHERE id = ?", [#"{"team":"infra"}"#, id])
        }
        let labels = try await pool.read { db in
            try db.query("SELECT key || '=' || value FROM incident_labels WHERE incident_id = ? ORDER BY key", [id]) {
                try $0.column(0, as: String.self)
            }
        }
        #expect(labels == ["team=infra"])
        await pool.close()
    }

    /// Each list filter of the API, with the index it must use (plans are fixed: no ANALYZE statistics).
    static let listQueries: [(filter: String, index: String)] = [
        ("", "incidents_by_created"),
        ("WHERE created_at < 1000 OR (created_at = 1000 AND id < 10)", "incidents_by_created"),
        ("WHERE status = 'resolved'", "incidents_by_status"),
        ("WHERE status IN ('triggered', 'acknowledged')", "incidents_by_status"),
        ("WHERE status NOT IN ('resolved', 'closed')", "incidents_open_by_created"),
        (
            "WHERE status NOT IN ('resolved', 'closed') AND (created_at < 1000 OR (created_at = 1000 AND id < 10))",
            "incidents_open_by_created"
        ),
        ("WHERE status = 'resolved' AND severity = 'sev2'", "incidents_by_status"),
        ("WHERE severity = 'sev1'", "incidents_by_severity"),
        ("WHERE service_id = 1", "incidents_by_service"),
        (
            "WHERE severity = 'sev1' AND status NOT IN ('resolved', 'closed')",
            "incidents_open_by_severity"
        ),
        (
            "WHERE service_id = 1 AND severity = 'sev1' AND status NOT IN ('resolved', 'closed')",
            "incidents_open_by_service_severity"
        ),
        ("WHERE service_id = 1 AND status NOT IN ('resolved', 'closed')", "incidents_open_by_service"),
    ]

    /// Whether a query-plan line names `index` (as a whole word).
    static func uses(_ planLine: String, _ index: String) -> Bool {
        planLine.hasSuffix("INDEX \(index)") || planLine.contains("INDEX \(index) ")
    }

    @Test func listFiltersUseTheirIndexes() async throws {
        let scratch = try Scratch()
        let pool = try await KlaxonDatabase.open(path: scratch.databasePath)
        for (filter, index) in Self.listQueries {
            let query = "SELECT id FROM incidents \(filter) ORDER BY created_at DESC, id DESC LIMIT 50"
            let plan = try await pool.read { db in
                try db.query("EXPLAIN QUERY PLAN " + query) { try $0.column("detail", as: String.self) }
            }
            #expect(plan.first.map { Self.uses($0, index) } == true, "\(filter): \(plan)")
        }
        let dedup = try await pool.read { db in
            try db.query(
                """
                EXPLAIN QUERY PLAN SELECT id FROM incidents WHERE service_id = 1 AND dedup_key = 'k'
                AND status NOT IN ('resolved', 'closed')
                """
            ) { try $0.column("detail", as: String.self) }
        }
        #expect(dedup.first.map { Self.uses($0, "incidents_open_dedup") } == true, "\(dedup)")
        await pool.close()
    }

    /// The /metrics counters read escalations and resolutions through a partial index holding only those two
    /// kinds; other timeline events (an incident's `created`, every alert received) add no entry to any index
    /// but the per-incident one.
    @Test func countedTimelineKindsHaveAnIndexOfTheirOwnAndNoOtherKindIsIndexed() async throws {
        let scratch = try Scratch()
        let pool = try await KlaxonDatabase.open(path: scratch.databasePath)
        let plan = try await pool.read { db in
            try db.query(
                """
                EXPLAIN QUERY PLAN SELECT kind, count(*) FROM timeline_events
                WHERE \(StoreMetrics.countedTimelineKinds) GROUP BY kind
                """
            ) { try $0.column("detail", as: String.self) }
        }
        #expect(plan.contains { Self.uses($0, "timeline_events_counted_kinds") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN timeline_events") && !$0.contains("INDEX") }, "\(plan)")
        let indexes = try await pool.read { db in
            try db.query(
                """
                SELECT name FROM sqlite_schema
                WHERE type = 'index' AND tbl_name = 'timeline_events' AND sql IS NOT NULL ORDER BY name
                """
            ) { try $0.column(0, as: String.self) }
        }
        #expect(indexes == ["timeline_events_by_incident", "timeline_events_counted_kinds"])

        try await pool.write { db in
            let id = try insertIncident(db)
            for kind in ["note", "escalated", "note", "resolved", "escalated"] {
                try db.execute(
                    """
                    INSERT INTO timeline_events (incident_id, at, kind, actor, message, data)
                    VALUES (?, 0, ?, 'token:test', '', '{}')
                    """,
                    [id, kind])
            }
        }
        let counted = try await pool.read { db in
            try db.query(
                """
                SELECT kind, count(*) FROM timeline_events INDEXED BY timeline_events_counted_kinds
                WHERE \(StoreMetrics.countedTimelineKinds) GROUP BY kind ORDER BY kind
                """
            ) { "\(try $0.column(0, as: String.self))=\(try $0.column(1, as: Int.self))" }
        }
        #expect(counted == ["escalated=2", "resolved=1"])

        // The reports count one incident's escalations: a seek on the incident, never a walk over every
        // escalation of the database (what 0013's index on `kind` alone drew the planner into).
        let reportPlan = try await pool.read { db in
            try db.query(
                "EXPLAIN QUERY PLAN SELECT \(SQLiteReportRepository.responseColumns) FROM incidents i "
                    + "LEFT JOIN services s ON s.id = i.service_id WHERE i.created_at >= 0"
            ) { try $0.column("detail", as: String.self) }
        }
        let escalationCount = reportPlan.filter { $0.contains(" t ") || $0.hasSuffix(" t") }
        #expect(!escalationCount.isEmpty, "\(reportPlan)")
        #expect(
            escalationCount.allSatisfy { $0.contains("incident_id=?") }, "\(reportPlan)")
        await pool.close()
    }

    /// 0017 and 0018 on a file with pages waiting: those of incidents resolved, or acknowledged (their latest
    /// `acknowledged` event) after the page, are cancelled; one paged after the acknowledgement (a manual
    /// escalation) and one still triggered stay.
    @Test func pagesLeftWaitingByIncidentsThatMovedOnAreCancelledOnUpgrade() throws {
        let scratch = try Scratch()
        let connection = try Connection(path: scratch.databasePath)
        defer { connection.close() }
        let all = try KlaxonMigrations.all()
        _ = try Migrator(migrations: all.filter { $0.version < 17 }).migrate(connection)
        func page(for status: String, acknowledgedAt: Int64?, pagedAt: Int64) throws -> Int64 {
            let incident = try insertIncident(connection, status: status)
            if let acknowledgedAt {
                try connection.execute(
                    "UPDATE incidents SET acknowledged_at = ? WHERE id = ?", [acknowledgedAt, incident])
                try connection.execute(
                    """
                    INSERT INTO timeline_events (incident_id, at, kind, actor, message)
                    VALUES (?, ?, 'acknowledged', 'token:alice', '')
                    """, [incident, acknowledgedAt])
            }
            try connection.execute(
                "INSERT INTO timeline_events (incident_id, at, kind, actor, message) VALUES (?, 0, 'paged', 'system:klaxon', '')",
                [incident])
            try connection.execute(
                """
                INSERT INTO notification_outbox (incident_id, timeline_event_id, level, cycle, channel, address, payload,
                    created_at, next_attempt_at)
                VALUES (?, ?, 0, 0, 'webhook', 'https://example.com/hook', '{}', ?, ?)
                """, [incident, connection.lastInsertedRowID, pagedAt, pagedAt])
            return connection.lastInsertedRowID
        }
        let resolved = try page(for: "resolved", acknowledgedAt: nil, pagedAt: 1_000)
        let acknowledged = try page(for: "acknowledged", acknowledgedAt: 2_000, pagedAt: 1_000)
        let escalatedByHand = try page(for: "acknowledged", acknowledgedAt: 2_000, pagedAt: 3_000)
        let triggered = try page(for: "triggered", acknowledgedAt: nil, pagedAt: 1_000)
        _ = try KlaxonMigrations.migrator().migrate(connection)
        func status(_ id: Int64) throws -> String? {
            try connection.queryValue("SELECT status FROM notification_outbox WHERE id = ?", [id], as: String.self)
        }
        #expect(try status(resolved) == "cancelled" && status(acknowledged) == "cancelled")
        #expect(try status(escalatedByHand) == "pending" && status(triggered) == "pending")
        #expect(throws: SQLiteError.self) {
            try connection.execute("UPDATE notification_outbox SET status = 'lost' WHERE id = ?", [triggered])
        }
    }

    /// An alert and a timeline event are written without SQLite parsing their JSON columns (0016_json_shape_checks.sql:
    /// a sixth of the writer's time in an alert storm), and those columns still refuse text of the wrong shape.
    @Test func alertAndEventJSONColumnsAreCheckedForShapeWithoutParsing() async throws {
        let scratch = try Scratch()
        let pool = try await KlaxonDatabase.open(path: scratch.databasePath)
        @Sendable func alertInsert(_ column: String) -> String {
            """
            INSERT INTO alerts (incident_id, source, dedup_key, alert_key, status, title, severity, \(column),
                starts_at, first_seen_at, last_seen_at)
            VALUES (1, 'generic', 'k', ?, 'firing', 't', 'sev3', ?, 1, 1, 1)
            """
        }
        let eventInsert =
            "INSERT INTO timeline_events (incident_id, at, kind, actor, message, data) VALUES (1, 1, 'note', 'token:a', '', ?)"
        let jsonFunctions = try await pool.read { db in
            let alerts = ["labels", "annotations", "links", "details"].map { (alertInsert($0), ["a", "{}"]) }
            return try (alerts + [(eventInsert, ["{}"])]).flatMap { sql, arguments in
                try db.query("EXPLAIN " + sql, arguments) { try $0.column("p4", as: String?.self) ?? "" }
                    .filter { $0.hasPrefix("json") }
            }
        }
        #expect(jsonFunctions.isEmpty)
        try await pool.write { db in
            try db.execute(
                """
                INSERT INTO incidents (id, title, status, severity, service_id, created_at, updated_at)
                VALUES (1, 't', 'triggered', 'sev2', 1, 1, 1)
                """)
            var key = 0
            func insertAlert(_ column: String, _ value: String) throws {
                key += 1
                try db.execute(alertInsert(column), ["a\(key)", value])
            }
            for column in ["labels", "annotations", "details"] {
                try insertAlert(column, #"{"a":"b"}"#)
                for refused in ["", "nope", "[]", #"{"a":"b""#, #" {"a":"b"}"#] {
                    #expect(throws: SQLiteError.self, "\(column) = \(refused)") { try insertAlert(column, refused) }
                }
            }
            try insertAlert("links", #"[{"href":"h","text":""}]"#)
            for refused in ["", "{}", "[", "nope"] {
                #expect(throws: SQLiteError.self, "links = \(refused)") { try insertAlert("links", refused) }
            }
            try db.execute(eventInsert, [#"{"k":1}"#])
            for refused in ["", "[]", "null", "{"] {
                #expect(throws: SQLiteError.self, "data = \(refused)") { try db.execute(eventInsert, [refused]) }
            }
        }
        await pool.close()
    }

    /// Writing an incident or an alert evaluates its CHECKs and partial-index conditions in place: a list of
    /// three or more literals would make SQLite build a temporary b-tree for it on every INSERT and UPDATE
    /// (0011_checks_without_temporary_tables.sql). The stored rules still refuse what they refused.
    @Test func writesBuildNoTemporaryTablesAndTheRulesStillHold() async throws {
        let scratch = try Scratch()
        let pool = try await KlaxonDatabase.open(path: scratch.databasePath)
        let statements = [
            """
            INSERT INTO incidents (id, title, status, severity, service_id, dedup_key, created_at, updated_at)
            VALUES (1, 't', 'triggered', 'sev2', 1, 'k', 1, 1)
            """,
            "UPDATE incidents SET status = 'resolved', severity = 'sev1', version = version + 1 WHERE id = 1",
            """
            INSERT INTO alerts (incident_id, source, dedup_key, alert_key, status, title, severity, starts_at,
                first_seen_at, last_seen_at)
            VALUES (1, 'generic', 'k', 'a', 'firing', 't', 'sev3', 1, 1, 1)
            """,
        ]
        let temporaryTables = try await pool.read { db in
            try statements.map { sql in
                try db.query("EXPLAIN " + sql) { try $0.column("opcode", as: String.self) }
                    .filter { $0 == "OpenEphemeral" }.count
            }
        }
        #expect(temporaryTables == [0, 0, 0])
        // A fresh connection reads the same rules from the stored schema.
        let reopened = try Connection(path: scratch.databasePath)
        let ephemeral = try reopened.query("EXPLAIN " + statements[0]) { try $0.column("opcode", as: String.self) }
            .filter { $0 == "OpenEphemeral" }.count
        #expect(ephemeral == 0)
        reopened.close()
        try await pool.write { db in
            try db.execute(statements[0])
            for (column, value) in [("status", "open"), ("severity", "sev6"), ("severity", "SEV1")] {
                #expect(throws: SQLiteError.self) {
                    try db.execute("UPDATE incidents SET \(column) = ? WHERE id = 1", [value])
                }
            }
            #expect(throws: SQLiteError.self) {
                try db.execute(
                    """
                    INSERT INTO alerts (incident_id, source, dedup_key, alert_key, status, title, severity, starts_at,
                        first_seen_at, last_seen_at)
                    VALUES (1, 'generic', 'k', 'b', 'firing', 't', 'critical', 1, 1, 1)
                    """)
            }
            // Still one open incident per service and key.
            #expect(throws: SQLiteError.self) {
                try db.execute(
                    """
                    INSERT INTO incidents (id, title, status, severity, service_id, dedup_key, created_at, updated_at)
                    VALUES (2, 't', 'acknowledged', 'sev2', 1, 'k', 1, 1)
                    """)
            }
            try db.execute(
                """
                INSERT INTO incidents (id, title, status, severity, service_id, dedup_key, created_at, updated_at)
                VALUES (3, 't', 'closed', 'sev2', 1, 'k', 1, 1)
                """)
        }
        let integrity = try await pool.read { try $0.queryValue("PRAGMA integrity_check", as: String.self) }
        #expect(integrity == "ok")
        await pool.close()
    }
}
