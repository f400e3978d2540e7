import ArgumentParser
import Foundation
import IncidentStore
import SQLiteCore

/// `klaxon backup FILE`: copies the live database with SQLite's online backup API (a running server may
/// keep writing) and checks the copy with `PRAGMA integrity_check`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the live database to FILE and check the copy's integrity.",
        discussion: """
            A running server may keep writing while the copy is taken. The copy is written beside FILE, checked \
            with PRAGMA integrity_check, and only then renamed over FILE, so a failed backup never replaces a \
            good one. FILE must be a file path: a directory, a device, the database itself, or an existing file \
            that is not an older backup of this database (another application's file, another server's \
            database) is refused and left as it is. A symbolic link at FILE is replaced by the copy (what it \
            points to is not touched). The secrets key file must open the copy's secrets, or the backup fails.

            To restore: stop Klaxon, remove the database's -wal and -shm files if present, copy the backup over \
            the database file and put the secrets key file (<db>.key) beside it, then start Klaxon.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The file to write the copy to; an older backup there is replaced only when the new copy is sound.")
    var file: String

    func run() async throws {
        guard FileManager.default.fileExists(atPath: database.path) else {
            FileHandle.standardError.write(Data("error: no database at \(database.path)\n".utf8))
            throw ExitCode.failure
        }
        let source = database.path
        let destination = file
        // Checked before copying: a copy whose key is lost or wrong has lost its signing secrets, and a failed
        // backup must not replace a good one.
        if let problem = KlaxonBackup.secretsKeyProblem(ofDatabase: source, keyPath: database.secretsKeyPath) {
            FileHandle.standardError.write(
                Data(
                    ("error: \(problem)\nnothing was written: back up \(source) with the key file that opens its "
                        + "secrets (--secrets-key-file)\n").utf8))
            throw ExitCode.failure
        }
        let result: BackupResult
        do {
            result = try OnlineBackup.copy(from: source, to: destination, isOlderCopy: KlaxonBackup.isOlderCopy)
        } catch let refused as BackupDestinationError {
            FileHandle.standardError.write(Data("error: \(refused)\n".utf8))
            throw ExitCode.failure
        } catch let error as SQLiteError where error.isCorrupt {
            FileHandle.standardError.write(
                Data("error: \(source) is not a readable SQLite database: \(error.message)\n".utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("error: backup of \(source) failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        if result.isIntact {
            print("backed up \(source) to \(result.path): \(result.pageCount) pages, integrity_check: ok")
            if FileManager.default.fileExists(atPath: database.secretsKeyPath) {
                print(
                    "keep the secrets key file \(database.secretsKeyPath) with this backup (copy it once, it does not "
                        + "change): the backup's signing secrets can only be read with it")
            }
        } else {
            FileHandle.standardError.write(
                Data(
                    "error: the copy at \(result.path) failed integrity_check:\n\(result.integrityCheck.joined(separator: "\n"))\n"
                        .utf8))
            throw ExitCode.failure
        }
    }
}
