import ArgumentParser
import Foundation

/// The `--db PATH` and `--secrets-key-file PATH` options shared by the commands that open the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (default: $KLAXON_DB, else ./klaxon.db).")
    var db: String?

    @Option(help: "The key file sealing the database's secrets (default: $KLAXON_SECRETS_KEY_FILE, else <db>.key).")
    var secretsKeyFile: String?

    /// `--secrets-key-file`, else `KLAXON_SECRETS_KEY_FILE`, else `<path>.key`.
    var secretsKeyPath: String {
        if let secretsKeyFile { return secretsKeyFile }
        if let fromEnvironment = ProcessInfo.processInfo.environment["KLAXON_SECRETS_KEY_FILE"],
            !fromEnvironment.isEmpty
        {
            return fromEnvironment
        }
        return path + ".key"
    }

    /// The path to use: `--db`, else `KLAXON_DB`, else `./klaxon.db`.
    var path: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["KLAXON_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "./klaxon.db"
    }
}
