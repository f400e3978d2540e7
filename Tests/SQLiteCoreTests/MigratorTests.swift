import Foundation
import SQLiteCore
import Testing

@Suite struct MigratorTests {
    static let first = Migration(
        version: 1, name: "create_items", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);")
    static let second = Migration(
        version: 2, name: "add_notes",
        sql:
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items (id));\nINSERT INTO items (name) VALUES ('seed');"
    )
    static let fixedNow = Date(unixMilliseconds: 1_764_230_400_000)

    private func migrator(_ migrations: [Migration]) throws -> Migrator {
        try Migrator(migrations: migrations, now: { Self.fixedNow })
    }

    private func tables(_ connection: Connection) throws -> [String] {
        try connection.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") {
            try $0.column(0, as: String.self)
        }
    }

    @Test func freshFileGetsEveryMigrationInOrderAndRecordsThem() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        let applied = try migrator([Self.second, Self.first]).migrate(connection)
        #expect(applied == [Self.first, Self.second])
        #expect(try tables(connection) == ["items", "notes", "schema_migrations"])
        let records = try connection.query(
            "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
        ) {
            (
                try $0.column(0, as: Int.self), try $0.column(1, as: String.self), try $0.column(2, as: String.self),
                try $0.column(3, as: Date.self)
            )
        }
        #expect(records.map(\.0) == [1, 2])
        #expect(records.map(\.1) == ["create_items", "add_notes"])
        #expect(records.map(\.2) == [Self.first.checksum, Self.second.checksum])
        #expect(records.allSatisfy { $0.3 == Self.fixedNow })
    }

    @Test func runningAgainIsANoOp() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        try migrator([Self.first, Self.second]).migrate(connection)
        let again = try migrator([Self.first, Self.second]).migrate(connection)
        #expect(again.isEmpty)
        #expect(try connection.queryValue("SELECT count(*) FROM items", as: Int.self) == 1, "the seed ran once")
    }

    @Test func onlyPendingMigrationsRun() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        try migrator([Self.first]).migrate(connection)
        let status = try migrator([Self.first, Self.second]).status(of: connection)
        #expect(status.map(\.isApplied) == [true, false])
        #expect(status.first?.appliedAt == Self.fixedNow)
        #expect(try migrator([Self.first, Self.second]).migrate(connection) == [Self.second])
    }

    @Test func changedAppliedMigrationIsRefusedNamingTheFile() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        try migrator([Self.first, Self.second]).migrate(connection)
        let tampered = Migration(version: 2, name: "add_notes", sql: Self.second.sql + "\n-- edited later")
        let error = #expect(throws: MigrationError.self) {
            try migrator([Self.first, tampered]).migrate(connection)
        }
        guard case .checksumMismatch(let file, let recorded, let current) = error else {
            Issue.record("expected a checksum mismatch, got \(String(describing: error))")
            return
        }
        #expect(file == "0002_add_notes.sql")
        #expect(recorded == Self.second.checksum)
        #expect(current == tampered.checksum)
        #expect(error?.description.contains("0002_add_notes.sql") == true)
        #expect(throws: MigrationError.self) { _ = try migrator([Self.first, tampered]).status(of: connection) }
    }

    @Test func gapInNumbersIsRefused() throws {
        let third = Migration(version: 3, name: "later", sql: "SELECT 1;")
        #expect(throws: MigrationError.gap(missing: 2, before: "0003_later.sql")) {
            _ = try Migrator(migrations: [Self.first, third])
        }
        let onlySecond = Migration(version: 2, name: "alone", sql: "SELECT 1;")
        #expect(throws: MigrationError.gap(missing: 1, before: "0002_alone.sql")) {
            _ = try Migrator(migrations: [onlySecond])
        }
    }

    @Test func duplicateNumberIsRefused() throws {
        let other = Migration(version: 1, name: "also_one", sql: "SELECT 1;")
        #expect(
            throws: MigrationError.duplicateVersion(version: 1, files: ["0001_create_items.sql", "0001_also_one.sql"])
        ) {
            _ = try Migrator(migrations: [Self.first, other])
        }
    }

    @Test func appliedMigrationWithoutAFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        try migrator([Self.first, Self.second]).migrate(connection)
        #expect(throws: MigrationError.appliedMigrationMissing(version: 2, name: "add_notes")) {
            try migrator([Self.first]).migrate(connection)
        }
    }

    @Test func failingMigrationRollsBackAndNamesTheFile() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        let broken = Migration(
            version: 2, name: "broken", sql: "CREATE TABLE half (id INTEGER);\nINSERT INTO nowhere VALUES (1);")
        let error = #expect(throws: MigrationError.self) {
            try migrator([Self.first, broken]).migrate(connection)
        }
        guard case .failed(let file, _) = error else {
            Issue.record("expected a failed migration, got \(String(describing: error))")
            return
        }
        #expect(file == "0002_broken.sql")
        #expect(try tables(connection) == ["items", "schema_migrations"], "the broken file left nothing behind")
        #expect(try connection.queryValue("SELECT max(version) FROM schema_migrations", as: Int.self) == 1)
    }

    /// A migration that rewrites the stored schema (`writable_schema`, as Klaxon's 0011 does) is seen by the
    /// next migration on the same connection: an ADD COLUMN after it lands in the stored text, and the
    /// connection enforces the rewritten rule at once.
    @Test func aSchemaRewriteIsSeenByTheNextMigrationOnTheSameConnection() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        let create = Migration(
            version: 1, name: "create",
            sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER CHECK (a IN (1, 2, 3)));")
        let rewrite = Migration(
            version: 2, name: "rewrite",
            sql: """
                CREATE INDEX t_by_a ON t (a);
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (a IN (1, 2, 3))', 'CHECK (a = 1 OR a = 2)')
                WHERE type = 'table' AND name = 't';
                PRAGMA writable_schema = OFF;
                """)
        let addColumn = Migration(version: 3, name: "add_column", sql: "ALTER TABLE t ADD COLUMN b TEXT;")
        try migrator([create, rewrite, addColumn]).migrate(connection)
        let stored = try connection.queryValue("SELECT sql FROM sqlite_schema WHERE name = 't'", as: String.self)
        #expect(stored == "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER CHECK (a = 1 OR a = 2), b TEXT)")
        #expect(throws: SQLiteError.self) { try connection.execute("INSERT INTO t (a, b) VALUES (3, 'x')") }
        try connection.execute("INSERT INTO t (a, b) VALUES (2, 'x')")
        let reopened = try Connection(path: directory.path())
        #expect(try reopened.queryValue("SELECT b FROM t", as: String.self) == "x")
        #expect(try reopened.queryValue("PRAGMA writable_schema", as: Int.self) == 0)
        #expect(try reopened.queryValue("PRAGMA integrity_check", as: String.self) == "ok")
        reopened.close()
        connection.close()
    }

    @Test func fileNamesAreParsed() {
        let parsed = Migration(fileName: "0042_add_alerts.sql", sql: "SELECT 1;")
        #expect(parsed?.version == 42)
        #expect(parsed?.name == "add_alerts")
        #expect(parsed?.fileName == "0042_add_alerts.sql")
        #expect(Migration(fileName: "0042.sql", sql: "") == nil)
        #expect(Migration(fileName: "add_alerts.sql", sql: "") == nil)
        #expect(Migration(fileName: "0042_add_alerts.txt", sql: "") == nil)
        #expect(Migration(fileName: "0000_zero.sql", sql: "") == nil)
    }

    @Test func checksumIsTheSHA256OfTheText() {
        // SHA-256 of the three bytes "abc" (FIPS 180-2 test vector).
        #expect(
            Migration(version: 1, name: "x", sql: "abc").checksum
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
