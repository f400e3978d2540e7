import Crypto
import IncidentDomain
import SQLiteCore

/// Integration keys at rest: `services.integration_key` holds the lowercase hex SHA-256 of the key (the
/// lookup goes through that column's unique index), `integration_key_prefix` the first characters for display.
enum IntegrationKeyHash {
    /// The lowercase hex SHA-256 of the key's UTF-8 bytes.
    static func hex(of key: String) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(key.utf8)) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Hashes the keys still stored whole (`integration_key_prefix IS NULL`: the `default` service made by
    /// the first migration, and every service of a database older than 0009_secrets), so that they keep
    /// working and no longer lie in the file. Idempotent; returns how many rows it changed. With
    /// `secure_delete` the replaced text is zeroed, and the checkpoint moves the pages into the main file.
    static func hashStoredKeys(in db: Connection) throws -> Int {
        let plain = try db.query(
            "SELECT id, integration_key FROM services WHERE integration_key_prefix IS NULL"
        ) { row in (try row.column(0, as: Int64.self), try row.column(1, as: String.self)) }
        guard !plain.isEmpty else { return 0 }
        let previous = try db.queryValue("PRAGMA secure_delete", as: Int.self) ?? 0
        try db.execute("PRAGMA secure_delete = ON")
        defer { try? db.execute("PRAGMA secure_delete = \(previous)") }
        try db.write { db in
            for (id, key) in plain {
                try db.execute(
                    "UPDATE services SET integration_key = ?, integration_key_prefix = ? WHERE id = ?",
                    [hex(of: key), Service.integrationKeyPrefix(of: key), id])
            }
        }
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return plain.count
    }
}
