import Foundation
import Testing

/// `klaxon backup` run as a user would, in scratch folders: what it refuses, and that it leaves alone
/// whatever it refuses.
@Suite struct BackupCommandTests {
    /// A folder holding a database with one token in it, and a bystander file that must survive.
    struct Scene {
        let folder: URL
        let db: String
        let bystander: String

        init() throws {
            db = try KlaxonBinaryTests.migratedDatabase()
            folder = URL(fileURLWithPath: db).deletingLastPathComponent()
            bystander = folder.appendingPathComponent("runbook.md").path
            #expect(FileManager.default.createFile(atPath: bystander, contents: Data("# runbook\n".utf8)))
            let created = try KlaxonBinaryTests.run(["token", "create", "--db", db, "--name", "ops", "--scope", "read"])
            #expect(created.status == 0, "\(created.stderr)")
        }

        var bystanderSurvived: Bool { FileManager.default.contents(atPath: bystander) == Data("# runbook\n".utf8) }
    }

    @Test func anEmptyDestinationIsRefusedAndTheCurrentFolderIsLeftAlone() throws {
        let scene = try Scene()
        let refused = try KlaxonBinaryTests.run(["backup", "--db", scene.db, ""], in: scene.folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the backup destination is empty"), "\(refused.stderr)")
        #expect(scene.bystanderSurvived)
        #expect(FileManager.default.fileExists(atPath: scene.db))
    }

    @Test func aDirectoryIsRefusedWithAFilePathToUseInstead() throws {
        let scene = try Scene()
        let target = scene.folder.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let inside = target.appendingPathComponent("important.txt").path
        #expect(FileManager.default.createFile(atPath: inside, contents: Data("keep".utf8)))
        for argument in ["backups", "backups/", "."] {
            let refused = try KlaxonBinaryTests.run(["backup", "--db", scene.db, argument], in: scene.folder)
            #expect(refused.status == 1, "\(argument)")
            #expect(refused.stderr.contains("is a directory; give a file path such as"), "\(refused.stderr)")
        }
        #expect(FileManager.default.contents(atPath: inside) == Data("keep".utf8))
        #expect(scene.bystanderSurvived)
    }

    @Test func filesThatAreNotOlderBackupsAreRefusedUntouched() throws {
        let scene = try Scene()
        let keyBefore = FileManager.default.contents(atPath: scene.db + ".key")
        for target in [scene.bystander, scene.db + ".key"] {
            let refused = try KlaxonBinaryTests.run(["backup", "--db", scene.db, target])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("\(target) exists and is not a SQLite database"), "\(refused.stderr)")
        }
        #expect(FileManager.default.contents(atPath: scene.db + ".key") == keyBefore)
        #expect(scene.bystanderSurvived)

        let itself = try KlaxonBinaryTests.run(["backup", "--db", scene.db, scene.db])
        #expect(itself.status == 1)
        #expect(itself.stderr.contains("\(scene.db) is the database itself"), "\(itself.stderr)")
        let missingFolder = scene.folder.appendingPathComponent("nowhere").path
        let missing = try KlaxonBinaryTests.run(["backup", "--db", scene.db, missingFolder + "/copy.db"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("the folder \(missingFolder) does not exist"), "\(missing.stderr)")
    }

    @Test func anotherServersDatabaseIsNotABackupAndIsRefusedUntouched() throws {
        let scene = try Scene()
        let other = try Scene()
        let before = FileManager.default.contents(atPath: other.db)
        let refused = try KlaxonBinaryTests.run(["backup", "--db", scene.db, other.db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is a SQLite database but not a backup of"), "\(refused.stderr)")
        #expect(FileManager.default.contents(atPath: other.db) == before)
    }

    @Test func anOlderBackupTakenBeforeTheDatabaseSealedItsSecretsIsStillAnOlderBackup() throws {
        // A database only migrated so far has no secrets-key check yet; its backup has none either.
        let db = try KlaxonBinaryTests.migratedDatabase()
        let copy = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("copy.db").path
        let first = try KlaxonBinaryTests.run(["backup", "--db", db, copy])
        #expect(first.status == 0, "\(first.stderr)")
        // The first store open seals the secrets (and writes the check); the next backup replaces the old copy.
        #expect(
            try KlaxonBinaryTests.run(["token", "create", "--db", db, "--name", "ops", "--scope", "read"]).status == 0)
        let second = try KlaxonBinaryTests.run(["backup", "--db", db, copy])
        #expect(second.status == 0, "\(second.stderr)")
        let listed = try KlaxonBinaryTests.run(["token", "list", "--db", copy, "--secrets-key-file", db + ".key"])
        #expect(listed.stdout.contains("ops"), "\(listed.stdout)")
    }

    @Test func aKeyFileThatDoesNotOpenTheDatabaseFailsTheBackupBeforeAnythingIsWritten() throws {
        let scene = try Scene()
        let other = try Scene()
        let copy = scene.folder.appendingPathComponent("copy.db").path
        let wrongKey = try KlaxonBinaryTests.run(
            ["backup", "--db", scene.db, "--secrets-key-file", other.db + ".key", copy])
        #expect(wrongKey.status == 1)
        #expect(wrongKey.stderr.contains("nothing was written"), "\(wrongKey.stderr)")
        #expect(wrongKey.stderr.contains("belongs to another database"), "\(wrongKey.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy), "checked before copying")
        let missingKey = try KlaxonBinaryTests.run(
            [
                "backup", "--db", scene.db, "--secrets-key-file", scene.folder.appendingPathComponent("none.key").path,
                copy,
            ])
        #expect(missingKey.status == 1)
        #expect(missingKey.stderr.contains("is missing"), "\(missingKey.stderr)")
    }

    @Test func anOlderBackupIsReplacedByTheNewCopy() throws {
        let scene = try Scene()
        let copy = scene.folder.appendingPathComponent("copy.db").path
        #expect(try KlaxonBinaryTests.run(["backup", "--db", scene.db, copy]).status == 0)
        #expect(
            try KlaxonBinaryTests.run(["token", "create", "--db", scene.db, "--name", "second", "--scope", "read"])
                .status == 0)
        let again = try KlaxonBinaryTests.run(["backup", "--db", scene.db, copy])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("integrity_check: ok"))
        let listed = try KlaxonBinaryTests.run(
            ["token", "list", "--db", copy, "--secrets-key-file", scene.db + ".key"])
        #expect(listed.stdout.contains("second"), "the replaced copy holds the later token: \(listed.stdout)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scene.folder.path)
            .filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
