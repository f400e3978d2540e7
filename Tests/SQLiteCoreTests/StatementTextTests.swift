import SQLiteCore
import Testing

@Suite struct StatementTextTests {
    @Test func withTextLendsTheColumnsUTF8AndRefusesOtherStorageClasses() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        let statement = try connection.prepare("SELECT 'café ✓', '', 7, NULL")
        #expect(try statement.step())
        #expect(try statement.withText(at: 0) { String(decoding: $0, as: UTF8.self) } == "café ✓")
        #expect(try statement.withText(at: 1) { $0.count } == 0)
        #expect(throws: SQLiteUsageError.self) { try statement.withText(at: 2) { $0.count } }
        #expect(throws: SQLiteUsageError.self) { try statement.withText(at: 3) { $0.count } }
        #expect(throws: SQLiteUsageError.self) { try statement.withText(at: 4) { $0.count } }
    }

    @Test func typedReadersAgreeWithColumnAs() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.path())
        let statement = try connection.prepare("SELECT 42, 'text', NULL, 1.5, x'00'")
        #expect(try statement.step())
        #expect(try statement.int64(at: 0) == 42)
        #expect(try statement.optionalInt64(at: 0) == 42)
        #expect(try statement.optionalInt64(at: 2) == nil)
        #expect(try statement.string(at: 1) == "text")
        #expect(try statement.optionalString(at: 1) == "text")
        #expect(try statement.optionalString(at: 2) == nil)
        for index in [1, 2, 3, 4, 9] {
            #expect(throws: SQLiteUsageError.self) { try statement.int64(at: index) }
        }
        for index in [1, 3, 4, 9] {
            #expect(throws: SQLiteUsageError.self) { try statement.optionalInt64(at: index) }
        }
        for index in [0, 2, 3, 4, -1] {
            #expect(throws: SQLiteUsageError.self) { try statement.string(at: index) }
        }
        for index in [0, 3, 4, 5] {
            #expect(throws: SQLiteUsageError.self) { try statement.optionalString(at: index) }
        }
    }
}
