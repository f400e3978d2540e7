import SQLiteCore
import Testing

@Suite struct TransactionTests {
    struct Refusal: Error {}

    private func makeConnection(_ directory: TemporaryDirectory) throws -> Connection {
        let connection = try Connection(path: directory.path())
        try connection.executeScript("CREATE TABLE t (v INTEGER NOT NULL)")
        return connection
    }

    private func count(_ connection: Connection) throws -> Int {
        try connection.queryValue("SELECT count(*) FROM t", as: Int.self) ?? -1
    }

    @Test func writeCommitsWhenTheClosureReturns() throws {
        let directory = try TemporaryDirectory()
        let connection = try makeConnection(directory)
        let rowID = try connection.write { db in
            try db.execute("INSERT INTO t (v) VALUES (?)", [1])
            return db.lastInsertedRowID
        }
        #expect(rowID == 1)
        #expect(try count(connection) == 1)
        #expect(!connection.isInTransaction)
    }

    @Test func writeRollsBackWhenTheClosureThrows() throws {
        let directory = try TemporaryDirectory()
        let connection = try makeConnection(directory)
        #expect(throws: Refusal.self) {
            try connection.write { db in
                try db.execute("INSERT INTO t (v) VALUES (?)", [1])
                try db.execute("INSERT INTO t (v) VALUES (?)", [2])
                throw Refusal()
            }
        }
        #expect(try count(connection) == 0)
        #expect(!connection.isInTransaction)
    }

    @Test func writeRollsBackWhenAStatementFails() throws {
        let directory = try TemporaryDirectory()
        let connection = try makeConnection(directory)
        #expect(throws: SQLiteError.self) {
            try connection.write { db in
                try db.execute("INSERT INTO t (v) VALUES (?)", [1])
                try db.execute("INSERT INTO t (v) VALUES (?)", [nil])
            }
        }
        #expect(try count(connection) == 0)
    }

    @Test func nestedWriteIsAnErrorAndTheOuterRollsBack() throws {
        let directory = try TemporaryDirectory()
        let connection = try makeConnection(directory)
        #expect(throws: SQLiteUsageError.nestedTransaction) {
            try connection.write { db in
                try db.execute("INSERT INTO t (v) VALUES (1)")
                try db.write { inner in try inner.execute("INSERT INTO t (v) VALUES (2)") }
            }
        }
        #expect(try count(connection) == 0, "no silent inner commit")
    }

    @Test func closedConnectionThrowsInsteadOfCrashing() throws {
        let directory = try TemporaryDirectory()
        let connection = try makeConnection(directory)
        let statement = try connection.prepare("SELECT count(*) FROM t")
        connection.close()
        connection.close()
        #expect(connection.isClosed)
        #expect(throws: SQLiteUsageError.closed) { try connection.execute("INSERT INTO t (v) VALUES (1)") }
        #expect(throws: SQLiteUsageError.closed) { try connection.write { _ in } }
        #expect(throws: SQLiteUsageError.closed) { _ = try statement.step() }
    }
}
