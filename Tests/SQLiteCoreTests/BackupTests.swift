import Foundation
import SQLiteCore
import Testing

@Suite struct BackupTests {
    @Test func backupTakenDuringConcurrentWritesPassesIntegrityCheck() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path())
        try await pool.write { db in
            try db.executeScript(
                """
                CREATE TABLE events (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);
                CREATE INDEX events_by_payload ON events (payload);
                """)
            for index in 0..<4000 {
                try db.execute(
                    "INSERT INTO events (payload) VALUES (?)", ["seed \(index) " + String(repeating: "x", count: 200)])
            }
        }
        let stop = Gate()
        let written = Counter()
        let writers = (0..<4).map { writer in
            Task {
                var round = 0
                while !stop.isOpen && round < 2000 {
                    let payload = "live \(writer) \(round)"
                    try await pool.write { db in
                        try db.execute("INSERT INTO events (payload) VALUES (?)", [payload])
                    }
                    written.increment()
                    round += 1
                }
            }
        }
        // Let the writers get going, then copy in small steps with pauses, so that commits land between them.
        let deadline = ContinuousClock.now + .seconds(5)
        while written.value < 10 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(1))
        }
        let writtenBefore = written.value
        let result = try await pool.backup(
            to: directory.path("copy.db"), pagesPerStep: 8, pauseBetweenSteps: .milliseconds(1))
        let writtenDuringBackup = written.value - writtenBefore
        stop.open()
        for writer in writers { try await writer.value }

        #expect(result.isIntact, "integrity_check: \(result.integrityCheck)")
        #expect(result.path == directory.path("copy.db"))
        #expect(result.pageCount > 100)
        #expect(writtenDuringBackup > 0, "writers kept committing while the backup ran")
        let copy = try Connection(path: result.path, configuration: .init(accessMode: .readOnly))
        let copied = try #require(try copy.queryValue("SELECT count(*) FROM events", as: Int.self))
        #expect(copied >= 4000)
        let total = try await pool.read { try $0.queryValue("SELECT count(*) FROM events", as: Int.self) }
        #expect(copied <= total ?? 0)
        #expect(!FileManager.default.fileExists(atPath: directory.path("copy.db") + ".partial-\(getpid())"))
        await pool.close()
    }

    @Test func backupReplacesAnOlderCopy() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path())
        try await pool.write { try $0.executeScript("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1);") }
        _ = try await pool.backup(to: directory.path("copy.db"))
        try await pool.write { try $0.execute("INSERT INTO t VALUES (2)") }
        let result = try await pool.backup(to: directory.path("copy.db"))
        #expect(result.isIntact)
        let copy = try Connection(path: result.path, configuration: .init(accessMode: .readOnly))
        #expect(try copy.queryValue("SELECT count(*) FROM t", as: Int.self) == 2)
        await pool.close()
    }

    @Test func backupOntoTheDatabaseItselfIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path())
        await #expect(throws: BackupDestinationError.isTheDatabase(directory.path())) {
            try await pool.backup(to: directory.path())
        }
        await #expect(
            throws: BackupDestinationError.isTheDatabaseCompanion(directory.path() + "-wal", database: directory.path())
        ) {
            try await pool.backup(to: directory.path() + "-wal")
        }
        await pool.close()
    }

    @Test func aDirectoryAtTheDestinationIsRefusedAndKeepsWhatItHolds() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path())
        try await pool.write { try $0.executeScript("CREATE TABLE t (v INTEGER);") }
        let folder = directory.path("backups")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(FileManager.default.createFile(atPath: folder + "/keep.txt", contents: Data("keep".utf8)))
        await #expect(throws: BackupDestinationError.isDirectory(folder)) { try await pool.backup(to: folder) }
        await #expect(throws: BackupDestinationError.isDirectory(folder)) { try await pool.backup(to: folder + "/") }
        #expect(FileManager.default.contents(atPath: folder + "/keep.txt") == Data("keep".utf8))
        await #expect(throws: BackupDestinationError.emptyPath) { try await pool.backup(to: "") }
        await pool.close()
    }

    @Test func aFileThatIsNotAnOlderBackupIsNeverOverwritten() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path())
        try await pool.write { try $0.executeScript("CREATE TABLE t (v INTEGER);") }
        let notes = directory.path("notes.txt")
        #expect(FileManager.default.createFile(atPath: notes, contents: Data("on-call notes".utf8)))
        await #expect(throws: BackupDestinationError.notADatabase(notes)) { try await pool.backup(to: notes) }
        #expect(FileManager.default.contents(atPath: notes) == Data("on-call notes".utf8))
        let missingFolder = directory.path("no-such-folder")
        await #expect(throws: BackupDestinationError.folderMissing(missingFolder)) {
            try await pool.backup(to: missingFolder + "/copy.db")
        }
        await pool.close()
    }

    @Test func theSourceIsRecognisedHoweverItsPathIsSpelt() async throws {
        let directory = try TemporaryDirectory()
        let data = directory.path("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: directory.path("a/b"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: directory.path("link"), withDestinationPath: directory.path("a/b"))
        // The kernel follows link before '..': this is data/klaxon.db, though as text it names another folder.
        let spelt = directory.path("link/../../data/klaxon.db")
        let pool = try DatabasePool(path: spelt)
        try await pool.write { try $0.executeScript("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1);") }
        let live = data + "/klaxon.db"
        await #expect(throws: BackupDestinationError.isTheDatabase(live)) { try await pool.backup(to: live) }
        await #expect(throws: BackupDestinationError.isTheDatabaseCompanion(live + "-wal", database: live)) {
            try await pool.backup(to: live + "-wal")
        }
        let count = try await pool.read { try $0.queryValue("SELECT count(*) FROM t", as: Int.self) }
        #expect(count == 1)
        await pool.close()
    }

    @Test func anEmptyFileABrokenLinkOrALeftoverLogBesideTheDestinationIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path())
        try await pool.write { try $0.executeScript("CREATE TABLE t (v INTEGER);") }
        let empty = directory.path("empty.db")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        await #expect(throws: BackupDestinationError.notADatabase(empty)) { try await pool.backup(to: empty) }
        let broken = directory.path("broken.db")
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: directory.path("nowhere.db"))
        await #expect(throws: BackupDestinationError.brokenLink(broken)) { try await pool.backup(to: broken) }
        #expect(!FileManager.default.fileExists(atPath: directory.path("nowhere.db")))

        // An older backup whose -wal a reader left behind: SQLite would read that log into the new copy.
        let older = directory.path("older.db")
        _ = try await pool.backup(to: older)
        let olderBytes = try #require(FileManager.default.contents(atPath: older))
        #expect(FileManager.default.createFile(atPath: older + "-wal", contents: Data(repeating: 7, count: 64)))
        await #expect(throws: BackupDestinationError.leftoverLog(older + "-wal")) { try await pool.backup(to: older) }
        #expect(FileManager.default.contents(atPath: older) == olderBytes)
        await pool.close()
    }

    @Test func anExistingDatabaseIsReplacedOnlyWhenTheCallerTakesItForAnOlderCopy() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path())
        try await pool.write {
            try $0.executeScript("CREATE TABLE identity (v TEXT); INSERT INTO identity VALUES ('a');")
        }
        let other = directory.path("other.db")
        let stranger = try Connection(path: other)
        try stranger.executeScript("CREATE TABLE identity (v TEXT); INSERT INTO identity VALUES ('b');")
        stranger.close()
        let strangerBytes = try #require(FileManager.default.contents(atPath: other))
        let sameIdentity: @Sendable (Connection, Connection) throws -> Bool = { source, existing in
            let query = "SELECT v FROM identity"
            return try source.queryValue(query, as: String.self) == existing.queryValue(query, as: String.self)
        }
        await #expect(throws: BackupDestinationError.anotherDatabase(other, database: directory.path())) {
            try await pool.backup(to: other, isOlderCopy: sameIdentity)
        }
        #expect(FileManager.default.contents(atPath: other) == strangerBytes)
        let copy = directory.path("copy.db")
        _ = try await pool.backup(to: copy, isOlderCopy: sameIdentity)
        let again = try await pool.backup(to: copy, isOlderCopy: sameIdentity)
        #expect(again.isIntact, "an older copy of the same database is replaced")
        await pool.close()
    }

    @Test func aSymbolicLinkIsReplacedAndWhatItPointedToIsLeftAlone() async throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path())
        try await pool.write { try $0.executeScript("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (7);") }
        let older = directory.path("older.db")
        _ = try await pool.backup(to: older)
        let olderBytes = try #require(FileManager.default.contents(atPath: older))
        let link = directory.path("latest.db")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: older)
        try await pool.write { try $0.execute("INSERT INTO t VALUES (8)") }
        let result = try await pool.backup(to: link)
        #expect(result.isIntact)
        let linkType = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
        #expect(linkType == .typeRegular, "the link itself is replaced by the copy")
        #expect(FileManager.default.contents(atPath: older) == olderBytes)
        let copy = try Connection(path: link, configuration: .init(accessMode: .readOnly))
        #expect(try copy.queryValue("SELECT count(*) FROM t", as: Int.self) == 2)
        await pool.close()
    }
}
