import SQLiteCore

/// Brings the database's secrets under the secrets key when the store opens: checks that the key file
/// belongs to this database, and, the first time (a new database, or one from before 0009_secrets), seals
/// every secret still stored in plain text and records the key check. Idempotent.
enum SecretsAtRest {
    /// What the check row seals: opening it proves the key is the one the secrets were sealed with.
    static let checkText = "klaxon secrets key check"
    /// Reads the sealed check text (one row, written once per database).
    static let checkQuery = "SELECT sealed FROM secrets_key_check WHERE id = 1"

    /// The sealer for the database on `db` (the writer, outside a transaction), with the key at `keyPath`.
    /// With `sealingRefusedWith` (`db` is a reader of a file that takes no writes), a database whose secrets
    /// are not sealed yet throws that error instead of sealing them.
    static func prepare(in db: Connection, keyPath: String, sealingRefusedWith refusal: (any Error)? = nil) throws
        -> SecretSealer
    {
        let check = try db.queryValue(checkQuery, as: String.self)
        if check == nil, let refusal { throw refusal }
        let sealer = SecretSealer(keyBytes: try SecretsKeyFile.load(path: keyPath, mayCreate: check == nil))
        if let check {
            guard (try? sealer.open(check, column: "secrets_key_check.sealed")) == Array(checkText.utf8) else {
                throw SecretsKeyError(path: keyPath, problem: .wrongKey)
            }
            return sealer
        }
        // The plain text being replaced is zeroed in its pages (secure_delete), and the checkpoint moves
        // those pages from the log into the main file.
        let previous = try db.queryValue("PRAGMA secure_delete", as: Int.self) ?? 0
        try db.execute("PRAGMA secure_delete = ON")
        defer { try? db.execute("PRAGMA secure_delete = \(previous)") }
        try db.write { db in try sealPlainSecrets(with: sealer, in: db) }
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sealer
    }

    private static func sealPlainSecrets(with sealer: SecretSealer, in db: Connection) throws {
        let inbound = try db.query("SELECT service_id, secret FROM service_signing_secrets") {
            (try $0.column(0, as: Int64.self), try $0.column(1, as: String.self))
        }
        for (service, secret) in inbound {
            try db.execute(
                "UPDATE service_signing_secrets SET secret = ? WHERE service_id = ? AND secret = ?",
                [sealer.seal(secret), service, secret])
        }
        for table in ["users", "escalation_policies"] {
            let outbound = try db.query("SELECT id, signing_secret FROM \(table) WHERE signing_secret IS NOT NULL") {
                (try $0.column(0, as: Int64.self), try $0.column(1, as: String.self))
            }
            for (id, secret) in outbound {
                try db.execute("UPDATE \(table) SET signing_secret = ? WHERE id = ?", [sealer.seal(secret), id])
            }
        }
        let server = try db.query("SELECT name, secret FROM server_secrets") {
            (try $0.column(0, as: String.self), try $0.column(1, as: [UInt8].self))
        }
        for (name, secret) in server {
            try db.execute(
                "UPDATE server_secrets SET secret = ? WHERE name = ?", [Array(sealer.seal(secret).utf8), name])
        }
        try db.execute(
            "INSERT INTO secrets_key_check (id, sealed) VALUES (1, ?)", [sealer.seal(checkText)])
    }
}
