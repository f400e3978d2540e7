import ArgumentParser
import Foundation
import SQLiteCore

/// `klaxon backup FILE`: copies the live database with SQLite's online backup API (a running server may
/// keep writing) and checks the copy with `PRAGMA integrity_check`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the live database to FILE and check the copy's integrity."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Where to write the copy; replaced only when the new copy is sound.")
    var file: String

    func run() async throws {
        guard FileManager.default.fileExists(atPath: database.path) else {
            FileHandle.standardError.write(Data("error: no database at \(database.path)\n".utf8))
            throw ExitCode.failure
        }
        let source = database.path
        let destination = file
        let result: BackupResult
        do {
            result = try OnlineBackup.copy(from: source, to: destination)
        } catch {
            FileHandle.standardError.write(Data("error: backup of \(source) failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        if result.isIntact {
            print("backed up \(source) to \(result.path): \(result.pageCount) pages, integrity_check: ok")
            print(
                "keep the secrets key file \(database.secretsKeyPath) with this backup (copy it once, it does not "
                    + "change): the backup's signing secrets can only be read with it")
        } else {
            FileHandle.standardError.write(
                Data(
                    "error: the copy at \(result.path) failed integrity_check:\n\(result.integrityCheck.joined(separator: "\n"))\n"
                        .utf8))
            throw ExitCode.failure
        }
    }
}
