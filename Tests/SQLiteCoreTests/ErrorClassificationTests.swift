import CSQLite
import Foundation
import SQLiteCore
import Testing

@Suite struct ErrorClassificationTests {
    private func makeSchema(_ connection: Connection) throws {
        try connection.executeScript(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE child (
                id INTEGER PRIMARY KEY,
                parent_id INTEGER NOT NULL REFERENCES parent (id),
                level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5)
            );
            INSERT INTO parent (id, name) VALUES (1, 'one');
            """)
    }

    @Test func constraintViolationsAreToldApart() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        try makeSchema(connection)

        let unique = #expect(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO parent (name) VALUES (?)", ["one"])
        }
        #expect(unique?.isUniqueConstraint == true)
        #expect(unique?.isForeignKeyConstraint == false)
        #expect(unique?.sql == "INSERT INTO parent (name) VALUES (?)")
        #expect(unique?.description.contains("one") == false, "bound arguments never appear in errors")

        let foreignKey = #expect(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO child (parent_id, level) VALUES (?, ?)", [99, 1])
        }
        #expect(foreignKey?.isForeignKeyConstraint == true)
        #expect(foreignKey?.isUniqueConstraint == false)

        let check = #expect(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO child (parent_id, level) VALUES (?, ?)", [1, 6])
        }
        #expect(check?.isCheckConstraint == true)
        #expect(check?.isConstraint == true)
        #expect(check?.isForeignKeyConstraint == false)

        let notNull = #expect(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO child (parent_id, level) VALUES (?, ?)", [1, nil])
        }
        #expect(notNull?.isNotNullConstraint == true)
        #expect(notNull?.isCheckConstraint == false)
    }

    @Test func fullDatabaseReportsIsFull() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        try connection.executeScript("CREATE TABLE t (payload BLOB)")
        let pages = try #require(try connection.queryValue("PRAGMA page_count", as: Int.self))
        try connection.executeScript("PRAGMA max_page_count = \(pages + 4)")
        let error = #expect(throws: SQLiteError.self) {
            for _ in 0..<64 {
                try connection.execute("INSERT INTO t (payload) VALUES (randomblob(4096))")
            }
        }
        #expect(error?.isFull == true)
        #expect(error?.isEnvironmental == true)
        #expect(error?.isConstraint == false)
    }

    @Test func readOnlyConnectionReportsIsReadOnly() throws {
        let directory = try TemporaryDirectory()
        let writer = try Connection(path: directory.path())
        try writer.executeScript("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1);")
        let reader = try Connection(path: directory.path(), configuration: .init(accessMode: .readOnly))
        #expect(try reader.queryValue("SELECT v FROM t", as: Int.self) == 1)
        let error = #expect(throws: SQLiteError.self) {
            try reader.execute("INSERT INTO t VALUES (2)")
        }
        #expect(error?.isReadOnly == true)
        #expect(error?.isBusy == false)
    }

    @Test func writeLockHeldElsewhereReportsIsBusyAfterTheTimeout() throws {
        let directory = try TemporaryDirectory()
        let holder = try Connection(path: directory.path())
        try holder.executeScript("CREATE TABLE t (v INTEGER)")
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }

        let other = try Connection(
            path: directory.path(), configuration: .init(accessMode: .readWrite, busyTimeout: .milliseconds(100)))
        let started = ContinuousClock.now
        let error = #expect(throws: SQLiteError.self) {
            try other.write { try $0.execute("INSERT INTO t VALUES (1)") }
        }
        let waited = ContinuousClock.now - started
        #expect(error?.isBusy == true)
        #expect(waited >= .milliseconds(80), "the busy timeout was honoured")
        #expect(waited < .seconds(3))
        #expect(!other.isInTransaction)
    }

    @Test func fileThatIsNotADatabaseReportsIsCorrupt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path()
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) {
            let connection = try Connection(path: path)
            _ = try connection.queryValue("SELECT count(*) FROM sqlite_schema", as: Int.self)
        }
        #expect(error?.isCorrupt == true)
    }

    @Test func missingFileWithoutCreateCannotOpen() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: SQLiteError.self) {
            _ = try Connection(path: directory.path("absent.db"), configuration: .init(accessMode: .readWrite))
        }
        #expect(error?.isCannotOpen == true)
        #expect(!FileManager.default.fileExists(atPath: directory.path("absent.db")))
    }
}
