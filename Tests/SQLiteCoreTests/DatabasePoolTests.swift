import Foundation
import SQLiteCore
import Synchronization
import Testing

@Suite struct DatabasePoolTests {
    struct Refusal: Error {}

    private func makePool(
        _ directory: TemporaryDirectory,
        configure: (inout DatabasePool.Configuration) -> Void = { _ in }
    ) async throws -> DatabasePool {
        var configuration = DatabasePool.Configuration()
        configure(&configuration)
        let pool = try DatabasePool(path: directory.path(), configuration: configuration)
        try await pool.write { db in
            try db.executeScript(
                """
                CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                CREATE TABLE notes (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items (id), text TEXT);
                """)
        }
        return pool
    }

    /// Occupies the writer until `release` opens, returning once it is held: writes queued meanwhile are then
    /// taken as one batch.
    private func holdWriter(_ pool: DatabasePool) async -> (blocker: Task<Void, any Error>, release: Gate) {
        let (holding, release) = (Gate(), Gate())
        let blocker = Task {
            try await pool.write { _ in
                holding.open()
                #expect(release.waitBlocking())
            }
        }
        #expect(await holding.wait())
        return (blocker, release)
    }

    /// Another connection to the file (another process, such as `klaxon token list` or a sqlite3 shell) keeps
    /// SQLite from checkpointing at the pool's last close: the pool checkpoints itself, so the database file
    /// alone holds every commit after a clean close.
    @Test func aCleanCloseLeavesEveryCommitInTheDatabaseFileEvenWithAnotherConnectionOpen() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        let other = try Connection(path: directory.path())
        defer { other.close() }
        _ = try other.queryValue("SELECT count(*) FROM items", as: Int.self)
        try await pool.write { db in
            for index in 0..<100 { try db.execute("INSERT INTO items (name) VALUES (?)", ["item \(index)"]) }
        }
        await pool.close()
        let walSize = (try? FileManager.default.attributesOfItem(atPath: directory.path() + "-wal")[.size] as? Int) ?? 0
        #expect(walSize == 0)
        // The database file copied alone, as a cold copy without its -wal would be.
        let copy = directory.path() + "-copy"
        try FileManager.default.copyItem(atPath: directory.path(), toPath: copy)
        let copied = try Connection(path: copy)
        defer { copied.close() }
        #expect(try copied.queryValue("SELECT count(*) FROM items", as: Int.self) == 100)
    }

    @Test func writeIsDurableAndVisibleToReaders() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        let id = try await pool.write { db in
            try db.execute("INSERT INTO items (name) VALUES (?)", ["a"])
            return db.lastInsertedRowID
        }
        let name = try await pool.read {
            try $0.queryValue("SELECT name FROM items WHERE id = ?", [id], as: String.self)
        }
        #expect(name == "a")
        #expect(pool.statistics.transactionsCommitted == 2)
        await pool.close()

        // A new connection (as after a restart) sees the committed row.
        let reopened = try Connection(path: directory.path())
        #expect(try reopened.queryValue("SELECT count(*) FROM items", as: Int.self) == 1)
    }

    @Test func readerSeesTheLastCommitWhileAWriteTransactionIsOpen() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('committed')") }

        let inserted = Gate()
        let release = Gate()
        let writer = Task {
            try await pool.write { db in
                try db.execute("INSERT INTO items (name) VALUES ('in flight')")
                inserted.open()
                // Holds the write transaction open until the test has read.
                #expect(release.waitBlocking())
            }
        }
        #expect(await inserted.wait())
        let started = ContinuousClock.now
        let namesDuringWrite = try await pool.read { db in
            try db.query("SELECT name FROM items ORDER BY id") { try $0.column(0, as: String.self) }
        }
        let readTime = ContinuousClock.now - started
        release.open()
        try await writer.value

        #expect(namesDuringWrite == ["committed"])
        #expect(readTime < .seconds(1), "the read did not wait for the writer")
        let namesAfter = try await pool.read { db in
            try db.query("SELECT name FROM items ORDER BY id") { try $0.column(0, as: String.self) }
        }
        #expect(namesAfter == ["committed", "in flight"])
        await pool.close()
    }

    @Test func groupCommitRollsBackOnlyTheFailingCaller() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        let failing = 17

        // Hold the writer so the 64 callers queue up behind one commit and are then batched.
        let release = Gate()
        let blocker = Task { try await pool.write { _ in #expect(release.waitBlocking()) } }
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<64 {
                group.addTask {
                    do {
                        try await pool.write { db in
                            try db.execute("INSERT INTO items (name) VALUES (?)", ["item \(index)"])
                            try db.execute(
                                "INSERT INTO notes (item_id, text) VALUES (?, ?)", [db.lastInsertedRowID, "note"])
                            if index == failing { throw Refusal() }
                        }
                        return (index, true)
                    } catch {
                        return (index, false)
                    }
                }
            }
            try? await Task.sleep(for: .milliseconds(100))
            release.open()
            var results: [Int: Bool] = [:]
            for await (index, succeeded) in group { results[index] = succeeded }
            return results
        }
        try await blocker.value

        #expect(results.count == 64)
        #expect(results.filter { !$0.value }.map(\.key) == [failing])
        let names = try await pool.read { db in
            Set(try db.query("SELECT name FROM items") { try $0.column(0, as: String.self) })
        }
        #expect(names.count == 63)
        #expect(!names.contains("item \(failing)"))
        let orphanNotes = try await pool.read {
            try $0.queryValue("SELECT count(*) FROM notes WHERE item_id NOT IN (SELECT id FROM items)", as: Int.self)
        }
        #expect(orphanNotes == 0)
        let statistics = pool.statistics
        #expect(statistics.callersCommitted == 1 + 1 + 63)
        #expect(statistics.callersFailed == 1)
        #expect(statistics.largestBatch > 1)
        #expect(statistics.averageCallersPerCommit > 1)
        await pool.close()
    }

    /// Callers run without savepoints first (cheaper): a caller that fails before changing any row leaves the
    /// transaction as the others made it, so they commit as they ran, once each; one that fails after changing
    /// rows takes the transaction with it, and the callers run before it go again, each in a savepoint, so a
    /// failure in that second run (after changing rows) costs the others no third run.
    @Test(arguments: [false, true])
    func aFailureBeforeAnyChangeCostsTheOthersNothing(failAfterChanging: Bool) async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        let log = RunLog()
        let (blocker, release) = await holdWriter(pool)
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<16 {
                group.addTask {
                    do {
                        try await pool.write { db in
                            // The ninth caller to run fails; with `failAfterChanging`, so does the third on its
                            // second run, after changing rows too.
                            let (first, run) = log.record(index)
                            let fails = (first == 9 && run == 1) || (failAfterChanging && first == 3 && run == 2)
                            if fails && !failAfterChanging { throw Refusal() }
                            try db.execute("INSERT INTO items (name) VALUES (?)", ["item \(index)"])
                            if fails { throw Refusal() }
                        }
                        return (index, true)
                    } catch {
                        return (index, false)
                    }
                }
            }
            // Bounded: every caller queued behind the blocker, so they are taken as one batch.
            for _ in 0..<500 where pool.queuedWrites < 16 { try? await Task.sleep(for: .milliseconds(10)) }
            #expect(pool.queuedWrites == 16)
            release.open()
            var outcomes: [Int: Bool] = [:]
            for await (index, succeeded) in group { outcomes[index] = succeeded }
            return outcomes
        }
        try await blocker.value

        let order = log.firstRuns
        let failing = failAfterChanging ? [order[2], order[8]] : [order[8]]
        #expect(Set(outcomes.filter { !$0.value }.map(\.key)) == Set(failing))
        let names = try await pool.read { db in
            Set(try db.query("SELECT name FROM items") { try $0.column(0, as: String.self) })
        }
        #expect(names == Set((0..<16).filter { !failing.contains($0) }.map { "item \($0)" }))
        let runs = log.runs
        #expect(runs[order[8]] == 1)
        #expect(runs.values.allSatisfy { (1...2).contains($0) }, "no caller runs a third time")
        let ranTwice = Set(runs.filter { $0.value == 2 }.keys)
        #expect(ranTwice == (failAfterChanging ? Set(order[0..<8]) : []))
        #expect(pool.statistics.largestBatch == 16 - failing.count)
        #expect(pool.statistics.callersRerun == (failAfterChanging ? 8 : 0))
        await pool.close()
    }

    /// A schema change does not count as a changed row: a caller that made one and then failed is still undone.
    @Test func aFailingCallersSchemaChangeIsUndoneWhileTheOthersCommit() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        let (blocker, release) = await holdWriter(pool)
        let inserts = (0..<4).map { index in
            Task { try await pool.write { try $0.execute("INSERT INTO items (name) VALUES (?)", ["item \(index)"]) } }
        }
        let failing = Task {
            try await pool.write { db in
                try db.executeScript("CREATE TABLE scratch (value TEXT)")
                throw Refusal()
            }
        }
        for _ in 0..<500 where pool.queuedWrites < 5 { try? await Task.sleep(for: .milliseconds(10)) }
        release.open()
        await #expect(throws: Refusal.self) { try await failing.value }
        for insert in inserts { try await insert.value }
        try await blocker.value
        let tables = try await pool.read { db in
            try db.query("SELECT name FROM sqlite_master WHERE type = 'table'") { try $0.column(0, as: String.self) }
        }
        #expect(!tables.contains("scratch"))
        #expect(try await pool.read { try $0.queryValue("SELECT count(*) FROM items", as: Int.self) } == 4)
        await pool.close()
    }

    @Test func constraintErrorReachesTheCallerAndOthersCommit() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('taken')") }
        let release = Gate()
        let blocker = Task { try await pool.write { _ in #expect(release.waitBlocking()) } }
        let duplicate = Task { try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('taken')") } }
        let fresh = Task { try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('fresh')") } }
        try? await Task.sleep(for: .milliseconds(50))
        release.open()
        let error = await #expect(throws: SQLiteError.self) { try await duplicate.value }
        #expect(error?.isUniqueConstraint == true)
        try await fresh.value
        try await blocker.value
        let count = try await pool.read { try $0.queryValue("SELECT count(*) FROM items", as: Int.self) }
        #expect(count == 2)
        await pool.close()
    }

    @Test func nestedTransactionInsidePoolWriteIsAnError() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        await #expect(throws: SQLiteUsageError.nestedTransaction) {
            try await pool.write { db in
                try db.execute("INSERT INTO items (name) VALUES ('outer')")
                try db.write { try $0.execute("INSERT INTO items (name) VALUES ('inner')") }
            }
        }
        let count = try await pool.read { try $0.queryValue("SELECT count(*) FROM items", as: Int.self) }
        #expect(count == 0)
        await pool.close()
    }

    @Test func closedPoolThrowsInsteadOfCrashing() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        await pool.close()
        #expect(pool.isClosed)
        await #expect(throws: SQLiteUsageError.closed) { try await pool.write { _ in } }
        await #expect(throws: SQLiteUsageError.closed) { try await pool.read { _ in } }
        await #expect(throws: SQLiteUsageError.closed) { try await pool.backup(to: directory.path("copy.db")) }
        await pool.close()
    }

    @Test func writesQueuedBeforeCloseStillComplete() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        let release = Gate()
        let blocker = Task { try await pool.write { _ in #expect(release.waitBlocking()) } }
        let queued = Task { try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('queued')") } }
        try? await Task.sleep(for: .milliseconds(50))
        release.open()
        await pool.close()
        try await blocker.value
        try await queued.value
        let reopened = try Connection(path: directory.path())
        #expect(try reopened.queryValue("SELECT count(*) FROM items", as: Int.self) == 1)
    }

    @Test func writerBusyElsewhereFailsAfterTheBusyTimeout() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory) { $0.connection.busyTimeout = .milliseconds(100) }
        let holder = try Connection(path: directory.path())
        try holder.execute("BEGIN IMMEDIATE")
        let error = await #expect(throws: SQLiteError.self) {
            try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('x')") }
        }
        #expect(error?.isBusy == true)
        try holder.execute("ROLLBACK")
        try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('x')") }
        await pool.close()
    }

    @Test func fullDiskFailsTheLargeCallerAndCommitsTheOthers() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        try await pool.writeWithoutTransaction { db in
            let pages = try db.queryValue("PRAGMA page_count", as: Int.self) ?? 0
            try db.executeScript("PRAGMA max_page_count = \(pages + 8)")
        }
        let release = Gate()
        let blocker = Task { try await pool.write { _ in #expect(release.waitBlocking()) } }
        let small = (0..<8).map { index in
            Task { try await pool.write { try $0.execute("INSERT INTO items (name) VALUES (?)", ["small \(index)"]) } }
        }
        let large = Task {
            try await pool.write { db in
                try db.execute("INSERT INTO items (name) VALUES ('large')")
                try db.execute(
                    "INSERT INTO notes (item_id, text) VALUES (?, hex(randomblob(200000)))", [db.lastInsertedRowID])
            }
        }
        try? await Task.sleep(for: .milliseconds(50))
        release.open()
        let error = await #expect(throws: SQLiteError.self) { try await large.value }
        #expect(error?.isFull == true)
        for task in small { try await task.value }
        try await blocker.value
        let names = try await pool.read { db in
            try db.query("SELECT name FROM items ORDER BY id") { try $0.column(0, as: String.self) }
        }
        #expect(Set(names) == Set((0..<8).map { "small \($0)" }))
        await pool.close()
    }

    @Test func noStatementIsLeftBusyAfterAWorkload() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        for index in 0..<50 {
            try await pool.write { db in
                try db.execute("INSERT INTO items (name) VALUES (?)", ["n\(index)"])
                _ = try db.queryValue("SELECT id FROM items ORDER BY id", as: Int.self)
            }
            _ = try await pool.read {
                try $0.queryFirst("SELECT name FROM items ORDER BY id") { try $0.column(0, as: String.self) }
            }
        }
        let writerStatements = try await pool.write { $0.liveStatements() }
        let readerStatements = try await pool.read { $0.liveStatements() }
        #expect(writerStatements.allSatisfy { !$0.isBusy })
        #expect(readerStatements.allSatisfy { !$0.isBusy })
        #expect(!writerStatements.isEmpty)
        #expect(pool.statistics.busyStatementsReset == 0)
        await pool.close()
    }

    @Test func aStatementLeftBusyByACallerIsResetAndCounted() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        try await pool.read { db in
            let statement = try db.cachedStatement("SELECT 1 UNION ALL SELECT 2")
            _ = try statement.step()
        }
        #expect(pool.statistics.busyStatementsReset == 1)
        await pool.close()
    }

    @Test func readersCannotWrite() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory)
        let error = await #expect(throws: SQLiteError.self) {
            try await pool.read { try $0.execute("INSERT INTO items (name) VALUES ('sneaky')") }
        }
        #expect(error?.isReadOnly == true)
        await pool.close()
    }

    @Test func readOnlyPoolReportsIsReadOnlyForWrites() async throws {
        let directory = try TemporaryDirectory()
        let setup = try await makePool(directory)
        try await setup.write { try $0.execute("INSERT INTO items (name) VALUES ('kept')") }
        await setup.close()

        var configuration = DatabasePool.Configuration()
        configuration.connection.accessMode = .readOnly
        let pool = try DatabasePool(path: directory.path(), configuration: configuration)
        let error = await #expect(throws: SQLiteError.self) {
            try await pool.write { try $0.execute("INSERT INTO items (name) VALUES ('lost')") }
        }
        #expect(error?.isReadOnly == true)
        #expect(error?.isEnvironmental == true)
        let names = try await pool.read { db in
            try db.query("SELECT name FROM items") { try $0.column(0, as: String.self) }
        }
        #expect(names == ["kept"])
        #expect(pool.statistics.callersFailed == 1)
        await pool.close()
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test func checkpointsRunInTheBackgroundPastTheThreshold() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory) { $0.backgroundCheckpointPages = 20 }
        let sizeBefore = fileSize(directory.path())
        for index in 0..<100 {
            try await pool.write { db in
                try db.execute("INSERT INTO items (name) VALUES (? || hex(randomblob(3000)))", ["\(index)"])
            }
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while pool.statistics.checkpoints == 0 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(pool.statistics.checkpoints >= 1)
        #expect(pool.statistics.writerCheckpoints >= 1, "the writer rewinds the log at twice the threshold")
        #expect(pool.statistics.checkpointFailures == 0)
        #expect(fileSize(directory.path()) > sizeBefore + 20 * 4096, "pages reached the database file")
        // Far less than the ~200 pages written: the log was rewound after checkpoints.
        #expect(fileSize(directory.path() + "-wal") < 100 * 4096)
        await pool.close()
    }

    @Test func withoutBackgroundCheckpointsSQLiteCheckpointsInTheWriter() async throws {
        let directory = try TemporaryDirectory()
        let pool = try await makePool(directory) { $0.backgroundCheckpointPages = nil }
        for index in 0..<20 {
            try await pool.write { db in
                try db.execute("INSERT INTO items (name) VALUES (? || hex(randomblob(3000)))", ["\(index)"])
            }
        }
        #expect(pool.statistics.checkpoints == 0)
        #expect(pool.statistics.writerCheckpoints == 0)
        await pool.close()
    }
}

/// Which callers ran, in order, shared between tasks.
private final class RunLog: Sendable {
    private let state = Mutex<(firstRuns: [Int], runs: [Int: Int])>(([], [:]))

    /// Records a run of caller `index`: its place among the callers' first runs (from 1), and which run it is.
    func record(_ index: Int) -> (first: Int, run: Int) {
        state.withLock { state in
            if state.runs[index] == nil { state.firstRuns.append(index) }
            state.runs[index, default: 0] += 1
            return ((state.firstRuns.firstIndex(of: index) ?? 0) + 1, state.runs[index] ?? 0)
        }
    }

    var firstRuns: [Int] { state.withLock { $0.firstRuns } }
    var runs: [Int: Int] { state.withLock { $0.runs } }
}
