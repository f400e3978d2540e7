import ArgumentParser
import Foundation
import IncidentStore
import SQLiteCore

/// `klaxon migrate`: applies the pending embedded migrations, or lists them with `--status`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations (or list them with --status)."
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "List applied and pending migrations without applying any.")
    var status = false

    func run() async throws {
        if status && !FileManager.default.fileExists(atPath: database.path) {
            // Listing must not create the file.
            let migrations = try KlaxonMigrations.all()
            for migration in migrations { print("\(migration.fileName)  pending") }
            print("no database at \(database.path) yet: 0 applied, \(migrations.count) pending")
            return
        }
        let pool: DatabasePool
        do {
            KlaxonDatabase.createPrivately(database.path)
            pool = try DatabasePool(path: database.path)
        } catch {
            // A failure of the database, not of the command line: no usage text, exit 1.
            FileHandle.standardError.write(Data("error: cannot open \(database.path): \(error)\n".utf8))
            throw ExitCode.failure
        }
        do {
            if status {
                try await printStatus(pool)
            } else {
                let applied = try await KlaxonDatabase.migrate(pool)
                if applied.isEmpty {
                    print("\(database.path): up to date, no pending migrations")
                } else {
                    for migration in applied { print("applied \(migration.fileName)") }
                    print("\(database.path): \(applied.count) migration(s) applied")
                }
            }
        } catch {
            await pool.close()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        await pool.close()
    }

    private func printStatus(_ pool: DatabasePool) async throws {
        let states = try await KlaxonDatabase.status(pool)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for state in states {
            let when = state.appliedAt.map { "applied \(formatter.string(from: $0))" } ?? "pending"
            print("\(state.migration.fileName)  \(when)")
        }
        let pending = states.filter { !$0.isApplied }.count
        print("\(states.count - pending) applied, \(pending) pending")
    }
}
