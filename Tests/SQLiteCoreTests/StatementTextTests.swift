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
}
