import Foundation
import SQLiteCore
import Testing

/// The pool's write generation, and the reader connections' tuning.
@Suite struct WriteGenerationTests {
    private func makePool(_ directory: TemporaryDirectory) async throws -> DatabasePool {
        let pool = try DatabasePool(path: directory.path())
        try await pool.write { db in
            try db.executeScript("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);")
        }
        return pool
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

        // Concurrent writers (group-committed): each sees the generation moved past what it read before it wrote.
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
        #expect(pool.writeGeneration == reads)
        await pool.close()
    }

    @Test func readersUseAMemoryMapAndALargerPageCacheAndTheWriterDoesNot() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        let reader = try await pool.read { db in
            (try db.queryValue("PRAGMA mmap_size", as: Int.self), try db.queryValue("PRAGMA cache_size", as: Int.self))
        }
        #expect(reader.0 == 1 << 30)
        #expect(reader.1 == -8 * 1024)
        let writer = try await pool.write { db in try db.queryValue("PRAGMA mmap_size", as: Int.self) }
        #expect(writer == 0)
        await pool.close()
    }
}
