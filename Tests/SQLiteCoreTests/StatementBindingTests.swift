import Foundation
import SQLiteCore
import Testing

@Suite struct StatementBindingTests {
    /// A value to round-trip, checked for equality through the type's own `==`.
    struct Sample: Sendable {
        let label: String
        let bind: @Sendable (Statement, Int) throws -> Void
        let bindNamed: @Sendable (Statement, String) throws -> Void
        let readsBack: @Sendable (Statement, Int) throws -> Bool
        let readsBackNamed: @Sendable (Statement, String) throws -> Bool
    }

    static func sample<Value: SQLiteValueConvertible & Equatable & Sendable>(
        _ label: String, _ value: Value
    ) -> Sample {
        Sample(
            label: label,
            bind: { try $0.bind(value, at: $1) },
            bindNamed: { try $0.bind(value, named: $1) },
            readsBack: { try $0.column($1, as: Value.self) == value },
            readsBackNamed: { try $0.column($1, as: Value.self) == value }
        )
    }

    static let samples: [Sample] = [
        sample("Int64.max", Int64.max),
        sample("Int64.min", Int64.min),
        sample("Int", -42),
        sample("Double", 3.141_592_653_589_793),
        sample("Double negative zero", -0.0),
        sample("String", "Pager \u{1F4DF} fired: ä ß 日本"),
        sample("String with NUL", "a\u{0}b"),
        sample("empty String", ""),
        sample("bytes", [UInt8]([0, 1, 127, 128, 255])),
        sample("empty bytes", [UInt8]()),
        sample("Data", Data([9, 8, 7, 0])),
        sample("Bool true", true),
        sample("Bool false", false),
        sample("Date", Date(unixMilliseconds: 1_764_230_400_123)),
        sample("nil String", String?.none),
        sample("optional Int64", Int64?.some(7)),
    ]

    @Test(arguments: samples.indices)
    func valueRoundTripsByIndex(_ index: Int) throws {
        let sample = Self.samples[index]
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        try connection.executeScript("CREATE TABLE t (v)")
        let insert = try connection.prepare("INSERT INTO t (v) VALUES (?)")
        try sample.bind(insert, 1)
        try insert.run()
        let select = try connection.prepare("SELECT v FROM t")
        #expect(try select.step())
        #expect(try sample.readsBack(select, 0), "\(sample.label)")
    }

    @Test(arguments: samples.indices)
    func valueRoundTripsByName(_ index: Int) throws {
        let sample = Self.samples[index]
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        try connection.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, v)")
        let insert = try connection.prepare("INSERT INTO t (id, v) VALUES (:id, @value)")
        try insert.bind(1, named: "id")
        try sample.bindNamed(insert, "@value")
        try insert.run()
        let select = try connection.prepare("SELECT id, v AS value FROM t")
        #expect(try select.step())
        #expect(try sample.readsBackNamed(select, "value"), "\(sample.label)")
    }

    @Test func datesAreStoredAsIntegerUnixMilliseconds() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        let stored = try connection.queryFirst("SELECT typeof(?1), ?1", [Date(timeIntervalSince1970: 1.5)]) {
            (try $0.column(0, as: String.self), try $0.column(1, as: Int64.self))
        }
        #expect(stored?.0 == "integer")
        #expect(stored?.1 == 1500)
    }

    @Test func nullReadsAsNilOnlyWhenAskedForAnOptional() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        #expect(try connection.queryFirst("SELECT NULL") { try $0.column(0, as: String?.self) } == .some(nil))
        let error = #expect(throws: SQLiteUsageError.self) {
            _ = try connection.queryFirst("SELECT NULL AS title") { try $0.column(0, as: String.self) }
        }
        #expect(error == .typeMismatch(column: "title", expected: "String", found: "NULL", sql: "SELECT NULL AS title"))
    }

    @Test func textIsNotReadAsInteger() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        #expect(throws: SQLiteUsageError.self) {
            _ = try connection.queryValue("SELECT 'seven'", as: Int64.self)
        }
    }

    @Test func unknownNamesAndWrongCountsAreUsageErrors() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        let statement = try connection.prepare("SELECT :a AS a")
        #expect(throws: SQLiteUsageError.unknownParameter(name: "b", sql: "SELECT :a AS a")) {
            try statement.bind(1, named: "b")
        }
        #expect(throws: SQLiteUsageError.parameterIndexOutOfRange(index: 2, count: 1, sql: "SELECT :a AS a")) {
            try statement.bind(1, at: 2)
        }
        #expect(throws: SQLiteUsageError.argumentCountMismatch(expected: 1, given: 2, sql: "SELECT :a AS a")) {
            try statement.bind([1, 2])
        }
        #expect(try statement.step())
        #expect(throws: SQLiteUsageError.unknownColumn(name: "b", sql: "SELECT :a AS a")) {
            _ = try statement.column("b", as: Int?.self)
        }
    }

    @Test func cachedStatementIsReusedAndLeftIdle() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        try connection.executeScript("CREATE TABLE t (v INTEGER)")
        for value in 0..<10 {
            try connection.execute("INSERT INTO t (v) VALUES (?)", [value])
        }
        // Stops after the first of ten rows: the statement must not stay busy.
        let first = try connection.queryValue("SELECT v FROM t ORDER BY v", as: Int.self)
        #expect(first == 0)
        let live = connection.liveStatements()
        #expect(live.count == connection.cachedStatementCount)
        #expect(Set(live.map(\.sql)) == ["INSERT INTO t (v) VALUES (?)", "SELECT v FROM t ORDER BY v"])
        #expect(live.allSatisfy { !$0.isBusy })
    }

    @Test func busyStatementIsFoundAndReset() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        let statement = try connection.cachedStatement("SELECT 1 UNION ALL SELECT 2")
        #expect(try statement.step())
        #expect(connection.liveStatements().filter(\.isBusy).count == 1)
        #expect(connection.resetBusyStatements() == 1)
        #expect(connection.liveStatements().allSatisfy { !$0.isBusy })
    }

    @Test func nestedQueryWithTheSameSQLGetsItsOwnStatement() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        let sql = "SELECT value FROM json_each('[1,2,3]')"
        let pairs = try connection.query(sql) { outer in
            try connection.query(sql) { inner in
                try outer.column(0, as: Int.self) * 10 + inner.column(0, as: Int.self)
            }
        }
        #expect(pairs.flatMap { $0 } == [11, 12, 13, 21, 22, 23, 31, 32, 33])
    }
}
