import ArgumentParser
import Foundation

/// The `--db PATH` option shared by the commands that open the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (default: $KLAXON_DB, else ./klaxon.db).")
    var db: String?

    /// The path to use: `--db`, else `KLAXON_DB`, else `./klaxon.db`.
    var path: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["KLAXON_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "./klaxon.db"
    }
}
