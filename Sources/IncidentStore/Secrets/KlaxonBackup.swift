import SQLiteCore

/// What `klaxon backup` needs to know of a Klaxon database beyond SQLite: how to tell an older copy of the
/// same database from any other file, and whether the secrets key file opens the database's secrets.
public enum KlaxonBackup {
    /// Whether `existing` is an older copy of the Klaxon database `source`. Each database seals its secrets-key
    /// check once, with a random nonce, when it is first opened as a store: copies share that text, another
    /// database differs. A copy made before its database had one (a database only migrated so far, or from
    /// before 0009_secrets) has none: it counts as older when its applied migrations are the first of the
    /// source's. Anything else (another application's file, another server's database) is not.
    public static func isOlderCopy(of source: Connection, _ existing: Connection) throws -> Bool {
        guard let sourceMigrations = try appliedMigrations(source) else { return false }
        guard let existingMigrations = try? appliedMigrations(existing) else { return false }
        let sourceCheck = try keyCheck(source)
        guard let existingCheck = try? keyCheck(existing) else {
            return sourceMigrations.starts(with: existingMigrations)
        }
        return sourceCheck == existingCheck
    }

    /// Why the key file at `keyPath` cannot open the secrets of the database at `path` (missing, not a key,
    /// another database's), or nil when it can, or when the database holds no sealed secret yet.
    public static func secretsKeyProblem(ofDatabase path: String, keyPath: String) -> String? {
        let check: String?
        do {
            let database = try Connection(path: path, configuration: .init(accessMode: .readOnly))
            defer { database.close() }
            check = try keyCheck(database)
        } catch {
            return "cannot read \(path): \(error)"
        }
        guard let check else { return nil }
        do {
            let sealer = SecretSealer(keyBytes: try SecretsKeyFile.load(path: keyPath, mayCreate: false))
            guard (try? sealer.open(check, column: "secrets_key_check.sealed")) == Array(SecretsAtRest.checkText.utf8)
            else {
                return SecretsKeyError(path: keyPath, problem: .wrongKey).description
            }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The sealed key check, nil when none was written yet (or the table is older than 0009_secrets).
    private static func keyCheck(_ db: Connection) throws -> String? {
        guard try hasTable("secrets_key_check", db) else { return nil }
        return try db.queryValue(SecretsAtRest.checkQuery, as: String.self)
    }

    /// The applied migration versions in order; nil when it is no Klaxon database.
    private static func appliedMigrations(_ db: Connection) throws -> [Int64]? {
        guard try hasTable("schema_migrations", db) else { return nil }
        return try db.query("SELECT version FROM schema_migrations ORDER BY version") {
            try $0.column(0, as: Int64.self)
        }
    }

    private static func hasTable(_ name: String, _ db: Connection) throws -> Bool {
        try db.queryValue("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [name], as: Int64.self)
            != nil
    }
}
