import CSQLite
import Foundation
import Synchronization
import Testing

@testable import SQLiteCore

/// A pool that must stay up when its file cannot be written: it opens what it can, fails work with the reason,
/// and opens the file again once it can, reporting each change of write availability once.
@Suite struct UnwritableFileTests {
    /// What the observer was told, in order.
    final class Reports: Sendable {
        private let entries = Mutex<[WriteAvailability]>([])
        var all: [WriteAvailability] { entries.withLock { $0 } }
        func append(_ availability: WriteAvailability) { entries.withLock { $0.append(availability) } }
    }

    @Test func aWriteRefusedByTheFileSystemIsReadOnlyNotAnIOError() {
        let refused = SQLiteError(extendedCode: SQLITE_IOERR | (3 << 8), message: "disk I/O error", systemErrno: EROFS)
        #expect(refused.isReadOnly)
        #expect(refused.isEnvironmental)
        let failing = SQLiteError(extendedCode: SQLITE_IOERR | (3 << 8), message: "disk I/O error", systemErrno: EIO)
        #expect(!failing.isReadOnly)
        #expect(failing.isIOError)
        let cannotCreateSHM = SQLiteError(extendedCode: SQLITE_CANTOPEN, systemErrno: EROFS)
        #expect(cannotCreateSHM.isReadOnly)
        #expect(SQLiteError(extendedCode: SQLITE_READONLY).isReadOnly)
        #expect(refused.description.contains("errno \(EROFS)"))
    }

    @Test func aPoolThatRetriesOpeningStaysUpUntilItsFolderExistsThenWrites() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("later/test.db")
        let reports = Reports()
        var configuration = DatabasePool.Configuration()
        configuration.retriesOpening = true
        configuration.reopenInterval = .milliseconds(20)
        configuration.readerCount = 1
        configuration.writeAvailabilityObserver = { reports.append($0) }
        let pool = try DatabasePool(path: path, configuration: configuration)

        for _ in 0..<3 {
            let error = await #expect(throws: SQLiteError.self) {
                try await pool.write { try $0.execute("CREATE TABLE items (name TEXT)") }
            }
            #expect(error?.isCannotOpen == true)
            #expect(error?.isEnvironmental == true)
        }
        await #expect(throws: SQLiteError.self) { try await pool.read { try $0.queryValue("SELECT 1", as: Int.self) } }
        #expect(reports.all.count == 1, "one report for three refusals: \(reports.all)")

        try FileManager.default.createDirectory(
            at: directory.url.appendingPathComponent("later"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(30))
        try await pool.write { try $0.execute("CREATE TABLE items (name TEXT)") }
        try await pool.write { try $0.execute("INSERT INTO items VALUES ('after')") }
        try await Task.sleep(for: .milliseconds(30))
        let names = try await pool.read { db in
            try db.query("SELECT name FROM items") { try $0.column(0, as: String.self) }
        }
        #expect(names == ["after"])
        #expect(reports.all.count == 2)
        #expect(reports.all.last == .available)
        if case .unavailable(let error) = reports.all.first {
            #expect(error.isCannotOpen)
        } else {
            Issue.record("the first report should be the refusal: \(reports.all)")
        }
        await pool.close()
    }

    @Test func withoutRetriesOpeningAFileThatCannotBeOpenedThrowsAtOnce() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: SQLiteError.self) {
            _ = try DatabasePool(path: directory.path("missing/test.db"))
        }
    }

    @Test func aReadOnlyPoolReportsTheRefusalOnceAndKeepsServingReads() async throws {
        let directory = try TemporaryDirectory()
        let setup = try DatabasePool(path: directory.path())
        try await setup.write {
            try $0.executeScript("CREATE TABLE items (name TEXT); INSERT INTO items VALUES ('kept');")
        }
        await setup.close()

        let reports = Reports()
        var configuration = DatabasePool.Configuration()
        configuration.connection.accessMode = .readOnly
        configuration.retriesOpening = true
        configuration.writeAvailabilityObserver = { reports.append($0) }
        let pool = try DatabasePool(path: directory.path(), configuration: configuration)
        for _ in 0..<2 {
            await #expect(throws: SQLiteError.self) {
                try await pool.write { try $0.execute("INSERT INTO items VALUES ('x')") }
            }
        }
        let names = try await pool.read { db in
            try db.query("SELECT name FROM items") { try $0.column(0, as: String.self) }
        }
        #expect(names == ["kept"])
        #expect(reports.all.count == 1)
        if case .unavailable(let error) = reports.all.first { #expect(error.isReadOnly) }
        await pool.close()
    }

    @Test func onAFullDiskASmallCommitDoesNotSayWritesGoThroughAgain() async throws {
        let directory = try TemporaryDirectory()
        let reports = Reports()
        var configuration = DatabasePool.Configuration()
        configuration.writeAvailabilityObserver = { reports.append($0) }
        configuration.fullDiskSettling = .milliseconds(300)
        let pool = try DatabasePool(path: directory.path(), configuration: configuration)
        try await pool.write { try $0.executeScript("CREATE TABLE items (body TEXT); INSERT INTO items VALUES ('x');") }
        #expect(pool.recentDiskFullFailure == nil)
        // Cap the file a few pages above its size (max_page_count is the writer connection's own).
        try await pool.writeWithoutTransaction { db in
            let pages = try db.queryValue("PRAGMA page_count", as: Int.self) ?? 0
            try db.executeScript("PRAGMA max_page_count = \(pages + 2)")
        }
        let big = String(repeating: "x", count: 100_000)
        let error = await #expect(throws: SQLiteError.self) {
            try await pool.write { try $0.execute("INSERT INTO items VALUES (?)", [big]) }
        }
        #expect(error?.primaryCode == SQLITE_FULL)
        // A rewrite in place still fits: it commits, but must not be taken for the disk having room again.
        try await pool.write { try $0.execute("UPDATE items SET body = 'y' WHERE body = 'x'") }
        #expect(reports.all.count == 1, "\(reports.all)")
        if case .unavailable(let reported) = reports.all.first { #expect(reported.primaryCode == SQLITE_FULL) }
        #expect(pool.recentDiskFullFailure != nil)
        // Once the settling time has passed without another failure, the next commit says writes go through.
        try await Task.sleep(for: .milliseconds(400))
        #expect(pool.recentDiskFullFailure == nil)
        try await pool.write { try $0.execute("UPDATE items SET body = 'z' WHERE body = 'y'") }
        #expect(reports.all.count == 2, "\(reports.all)")
        #expect(reports.all.last == .available)
        await pool.close()
    }

    @Test func anImmutableConnectionReadsAFileWithoutItsLogFiles() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("odd %?#name.db")
        let setup = try Connection(path: path)
        try setup.executeScript("CREATE TABLE items (name TEXT); INSERT INTO items VALUES ('kept');")
        setup.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "the last connection's close removes the log")
        #expect(DatabasePool.mayReadAsImmutable(path))

        let reader = try Connection(path: path, configuration: .init(accessMode: .immutable))
        #expect(try reader.queryValue("SELECT name FROM items", as: String.self) == "kept")
        #expect(reader.isReadOnly)
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"), "immutable reads create no -shm")
        reader.close()
        #expect(Connection.immutableURI("/a b/%?#é.db") == "file:/a b/%25%3F%23%C3%A9.db?immutable=1")
    }

    @Test func aLogWithFramesForbidsImmutableReads() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path()
        let writer = try Connection(path: path)
        try writer.executeScript("CREATE TABLE items (name TEXT); INSERT INTO items VALUES ('in the log');")
        // The log holds the frames while the writer is open: the main file alone is not the database.
        #expect(!DatabasePool.mayReadAsImmutable(path))
        writer.close()
        #expect(!DatabasePool.mayReadAsImmutable(directory.path("absent.db")))
    }
}
