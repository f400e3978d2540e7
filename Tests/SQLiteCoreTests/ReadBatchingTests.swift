import Dispatch
import Foundation
import SQLiteCore
import Synchronization
import Testing

/// Reads that queue up behind a busy reader run together in one read transaction; each must still see
/// every write acknowledged before it was queued, and one read's failure must not reach the others.
@Suite struct ReadBatchingTests {
    struct Refusal: Error {}

    /// One reader, held busy by a read that waits on `release`, so the reads queued meanwhile pile up.
    private struct HeldReader: Sendable {
        let pool: DatabasePool
        let release = DispatchSemaphore(value: 0)

        init(_ directory: TemporaryDirectory, batchSize: Int = 16) async throws {
            var configuration = DatabasePool.Configuration()
            configuration.readerCount = 1
            configuration.maximumReadBatchSize = batchSize
            pool = try DatabasePool(path: directory.path(), configuration: configuration)
            try await pool.write { try $0.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)") }
        }

        /// Returns once the only reader is inside a read that lasts until `release` is signalled.
        func hold() {
            let started = DispatchSemaphore(value: 0)
            let release = self.release
            pool.read({ _ in
                started.signal()
                release.wait()
            }) { _ in }
            started.wait()
        }
    }

    /// The answer to one read queued through the completion form, awaited later.
    private final class Answer<Value: Sendable>: Sendable {
        private let state = Mutex<(Result<Value, any Error>?, CheckedContinuation<Value, any Error>?)>((nil, nil))

        func deliver(_ result: Result<Value, any Error>) {
            let waiting = state.withLock { state -> CheckedContinuation<Value, any Error>? in
                if let waiting = state.1 { return waiting }
                state.0 = result
                return nil
            }
            waiting?.resume(with: result)
        }

        var value: Value {
            get async throws {
                try await withCheckedThrowingContinuation { continuation in
                    let ready = state.withLock { state -> Result<Value, any Error>? in
                        if let ready = state.0 { return ready }
                        state.1 = continuation
                        return nil
                    }
                    if let ready { continuation.resume(with: ready) }
                }
            }
        }
    }

    /// Queues one read now (synchronously, through the completion form).
    private func queue<Value: Sendable>(
        _ pool: DatabasePool, _ body: @escaping @Sendable (Connection) throws -> Value
    ) -> Answer<Value> {
        let answer = Answer<Value>()
        pool.read(body) { answer.deliver($0) }
        return answer
    }

    @Test func queuedReadsShareOneTransactionAndSeeWritesAcknowledgedBeforeThem() async throws {
        let directory = try TemporaryDirectory()
        let reader = try await HeldReader(directory)
        reader.hold()
        // Acknowledged while the reader is busy, before the reads below are queued.
        try await reader.pool.write { try $0.execute("INSERT INTO items (name) VALUES ('before')") }
        let before = reader.pool.statistics
        let reads = (0..<8).map { _ in
            queue(reader.pool) { db in
                let count = try db.queryValue("SELECT count(*) FROM items WHERE name = 'before'", as: Int.self)
                return (count, db.isInTransaction)
            }
        }
        reader.release.signal()
        for read in reads {
            let (count, inTransaction) = try await read.value
            #expect(count == 1)
            #expect(inTransaction)
        }
        let after = reader.pool.statistics
        // The holding read (its transaction counted before `before`, its read after) ran alone; the eight
        // queued behind it shared one transaction.
        #expect(after.readsRun - before.readsRun == 9)
        #expect(after.readTransactions - before.readTransactions == 1)
        await reader.pool.close()
    }

    @Test func aFailingReadInABatchFailsAloneAndTheOthersAreAnswered() async throws {
        let directory = try TemporaryDirectory()
        let reader = try await HeldReader(directory)
        try await reader.pool.write { try $0.execute("INSERT INTO items (name) VALUES ('one')") }
        reader.hold()
        let first = queue(reader.pool) { try $0.queryValue("SELECT name FROM items", as: String.self) }
        let failingOnSQL = queue(reader.pool) { try $0.queryValue("SELECT nope FROM items", as: String.self) }
        let failingOnItsOwn = queue(reader.pool) { _ -> Int in throw Refusal() }
        // Ends the shared transaction itself, as SQLite does on some I/O errors: the next read begins another.
        let endingTheTransaction = queue(reader.pool) { db in try db.execute("ROLLBACK") }
        let afterTheEnd = queue(reader.pool) { db in
            (db.isInTransaction, try db.queryValue("SELECT count(*) FROM items", as: Int.self))
        }
        let last = queue(reader.pool) { try $0.queryValue("SELECT count(*) FROM items", as: Int.self) }
        let before = reader.pool.statistics
        reader.release.signal()
        #expect(try await first.value == "one")
        await #expect(throws: SQLiteError.self) { try await failingOnSQL.value }
        await #expect(throws: Refusal.self) { try await failingOnItsOwn.value }
        try await endingTheTransaction.value
        let (inTransaction, count) = try await afterTheEnd.value
        #expect(inTransaction && count == 1)
        #expect(try await last.value == 1)
        #expect(reader.pool.statistics.readTransactions - before.readTransactions == 2)
        // The reader goes on reading afterwards.
        let idle = try await reader.pool.read { db in
            try db.queryValue("SELECT count(*) FROM items", as: Int.self)
        }
        #expect(idle == 1)
        await reader.pool.close()
    }

    /// Seven reads queued behind the holding one: 3 + 3 + 1 transactions with batches of 3, seven with 1 (each
    /// read its own transaction, as before batching).
    @Test(arguments: [(batchSize: 3, transactions: 3), (batchSize: 1, transactions: 7)])
    func aReaderTakesAtMostTheBatchSize(batchSize: Int, transactions: Int) async throws {
        let directory = try TemporaryDirectory()
        let reader = try await HeldReader(directory, batchSize: batchSize)
        reader.hold()
        let before = reader.pool.statistics
        let reads = (0..<7).map { _ in queue(reader.pool) { _ in 0 } }
        reader.release.signal()
        for read in reads { _ = try await read.value }
        let after = reader.pool.statistics
        // The holding read's transaction was counted before `before`, its read after.
        #expect(after.readsRun - before.readsRun == 8)
        #expect(after.readTransactions - before.readTransactions == transactions)
        await reader.pool.close()
    }
}
