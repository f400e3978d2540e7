import Foundation
import SQLiteCore
import Testing

/// `DatabasePool.readImmediately`, the write generation, and the reader connections' tuning.
@Suite struct ImmediateReadTests {
    private func makePool(
        _ directory: TemporaryDirectory,
        configure: (inout DatabasePool.Configuration) -> Void = { _ in }
    ) async throws -> DatabasePool {
        var configuration = DatabasePool.Configuration()
        configure(&configuration)
        let pool = try DatabasePool(path: directory.path(), configuration: configuration)
        try await pool.write { db in
            try db.executeScript("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);")
        }
        return pool
    }

    @Test func readsCommittedDataOnTheCallingThread() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('a')") }
        let name = try pool.readImmediately { try $0.queryValue("SELECT name FROM items", as: String.self) }
        #expect(name == "a")
        try await pool.write { try $0.execute("UPDATE items SET name = 'b'") }
        let renamed = try pool.readImmediately { try $0.queryValue("SELECT name FROM items", as: String.self) }
        #expect(renamed == "b")
        await pool.close()
    }

    @Test func answersNilWhenNoImmediateReaderIsIdle() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory) { $0.immediateReaderCount = 1 }
        let inner = try pool.readImmediately { _ in
            try pool.readImmediately { _ in 1 }
        }
        #expect(inner == .some(nil))
        let none = try await makePool(TemporaryDirectory()) { $0.immediateReaderCount = 0 }
        #expect(try none.readImmediately { _ in 1 } == nil)
        await pool.close()
        await none.close()
    }

    @Test func answersNilInsteadOfWaitingForALockAndThrowsOtherErrors() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        // A busy or locked database answers nil (the caller takes the pool's readers, which wait)...
        let busy = try pool.readImmediately { _ -> Int in throw SQLiteError(extendedCode: 5) }  // SQLITE_BUSY
        #expect(busy == nil)
        let locked = try pool.readImmediately { _ -> Int in throw SQLiteError(extendedCode: 6) }  // SQLITE_LOCKED
        #expect(locked == nil)
        // ...and immediate readers never sleep on a lock, unlike the pool's readers.
        #expect(try pool.readImmediately { try $0.queryValue("PRAGMA busy_timeout", as: Int.self) } == 0)
        let pooled = try await pool.read { try $0.queryValue("PRAGMA busy_timeout", as: Int.self) }
        #expect(pooled == 5000)

        #expect(throws: SQLiteError.self) {
            _ = try pool.readImmediately { try $0.execute("SELECT * FROM no_such_table") }
        }
        // The failed read left nothing busy or open: the connection is lent again.
        #expect(try pool.readImmediately { try $0.queryValue("SELECT count(*) FROM items", as: Int.self) } == 0)
        await pool.close()
        #expect(try pool.readImmediately { _ in 1 } == nil)
    }

    @Test func writeGenerationGrowsBeforeEveryWriterResumes() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        var last = pool.writeGeneration
        try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('a')") }
        #expect(pool.writeGeneration > last)
        last = pool.writeGeneration
        // A failed write counts too: it is cheaper to invalidate for nothing than to reason about partial work.
        await #expect(throws: SQLiteError.self) {
            try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('a')") }
        }
        #expect(pool.writeGeneration > last)
        last = pool.writeGeneration
        try await pool.writeWithoutTransaction { try $0.executeScript("CREATE INDEX items_name ON items (name)") }
        #expect(pool.writeGeneration > last)

        // Concurrent writers: each sees the generation moved past what it read before it wrote.
        let stale = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let before = pool.writeGeneration
                    try await pool.write { try $0.execute("INSERT INTO items (name) VALUES (?)", ["n\(index)"]) }
                    return pool.writeGeneration <= before
                }
            }
            return try await group.reduce(false) { $0 || $1 }
        }
        #expect(!stale)
        let reads = pool.writeGeneration
        _ = try await pool.read { try $0.queryValue("SELECT count(*) FROM items", as: Int.self) }
        _ = try pool.readImmediately { try $0.queryValue("SELECT count(*) FROM items", as: Int.self) }
        #expect(pool.writeGeneration == reads)
        await pool.close()
    }

    @Test func readersUseAMemoryMapAndALargerPageCache() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        let pooled = try await pool.read { db in
            (try db.queryValue("PRAGMA mmap_size", as: Int.self), try db.queryValue("PRAGMA cache_size", as: Int.self))
        }
        #expect(pooled.0 == 1 << 30)
        #expect(pooled.1 == -8 * 1024)
        let immediate = try pool.readImmediately { db in try db.queryValue("PRAGMA mmap_size", as: Int.self) }
        #expect(immediate == 1 << 30)
        await pool.close()
    }
}
