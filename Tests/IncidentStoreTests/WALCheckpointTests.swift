import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

/// `KlaxonStore.truncateWriteAheadLog()`: the maintenance pass's checkpoint shrinks the `-wal` file to zero once
/// no reader needs its frames, and defers (without waiting) while one does.
@Suite struct WALCheckpointTests {
    static func walSize(_ test: TestStore) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: test.path + "-wal")
        return (attributes[.size] as? NSNumber)?.intValue ?? -1
    }

    @Test func truncationEmptiesTheLogAndKeepsEveryWrite() async throws {
        let test = try await TestStore.make()
        for index in 0..<50 {
            _ = try await test.incidents.create(
                try draft("Incident \(index)", summary: String(repeating: "x", count: 2000)), by: alice,
                at: at(Double(index)))
        }
        #expect(try Self.walSize(test) > 0)
        let outcome = try await test.store.truncateWriteAheadLog()
        #expect(outcome.completed)
        #expect(try Self.walSize(test) == 0)
        #expect(try await test.count("SELECT COUNT(*) FROM incidents") == 50)
        // Writes go on after it.
        _ = try await test.incidents.create(try draft("After"), by: alice, at: at(100))
        #expect(try await test.count("SELECT COUNT(*) FROM incidents") == 51)
        await test.close()
    }

    @Test func aReaderHoldingOldFramesDefersTruncationWithoutWaiting() async throws {
        let test = try await TestStore.make()
        _ = try await test.incidents.create(try draft("Before"), by: alice, at: t0)
        // Another connection (a backup, another process) reads a snapshot, then a write adds frames it does not see.
        let reader = try Connection(path: test.path, configuration: .init(accessMode: .readOnly))
        try reader.execute("BEGIN")
        _ = try reader.queryValue("SELECT COUNT(*) FROM incidents", as: Int.self)
        _ = try await test.incidents.create(try draft("During"), by: alice, at: at(1))
        let started = ContinuousClock.now
        let deferred = try await test.store.truncateWriteAheadLog()
        #expect(!deferred.completed)
        #expect(ContinuousClock.now - started < .seconds(2))
        try reader.execute("COMMIT")
        reader.close()
        let done = try await test.store.truncateWriteAheadLog()
        #expect(done.completed)
        #expect(try Self.walSize(test) == 0)
        await test.close()
    }
}
