import struct Foundation.Date

/// Applies numbered SQL migrations to a database and records them in `schema_migrations`.
///
/// Each migration runs in its own write transaction together with its record
/// (`version, name, checksum, applied_at`), so it is applied entirely or not at all. Before anything runs,
/// the list is checked: numbers must be 1, 2, 3 … without gaps or duplicates, every applied migration must
/// still exist, and its SHA-256 checksum must match; otherwise nothing is applied and a ``MigrationError``
/// names the file.
public struct Migrator: Sendable {
    /// The migrations, sorted by version.
    public let migrations: [Migration]
    /// The clock for `applied_at`; injected so tests need not read the real one.
    private let now: @Sendable () -> Date

    /// Checks `migrations` for duplicate and missing numbers.
    public init(migrations: [Migration], now: @escaping @Sendable () -> Date = { Date() }) throws {
        let sorted = migrations.sorted { $0.version < $1.version }
        let byVersion = Dictionary(grouping: sorted, by: \.version)
        if let duplicate = byVersion.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw MigrationError.duplicateVersion(version: duplicate.key, files: duplicate.value.map(\.fileName))
        }
        for (offset, migration) in sorted.enumerated() where migration.version != offset + 1 {
            throw MigrationError.gap(missing: offset + 1, before: migration.fileName)
        }
        self.migrations = sorted
        self.now = now
    }

    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        ) STRICT
        """

    private struct AppliedRecord {
        let version: Int
        let name: String
        let checksum: String
        let appliedAt: Date
    }

    private func appliedRecords(_ connection: Connection) throws -> [AppliedRecord] {
        let exists = try connection.queryValue(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'", as: Int.self)
        guard exists == 1 else { return [] }
        return try connection.query(
            "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
        ) {
            AppliedRecord(
                version: try $0.column(0), name: try $0.column(1), checksum: try $0.column(2),
                appliedAt: try $0.column(3))
        }
    }

    /// Throws when the recorded migrations disagree with the files.
    private func verify(_ records: [AppliedRecord]) throws {
        let byVersion = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for record in records {
            guard let migration = byVersion[record.version] else {
                throw MigrationError.appliedMigrationMissing(version: record.version, name: record.name)
            }
            let checksum = migration.checksum
            guard checksum == record.checksum else {
                throw MigrationError.checksumMismatch(
                    file: migration.fileName, recorded: record.checksum, current: checksum)
            }
        }
    }

    /// Every migration with the time it was applied, or pending; verifies the applied ones first.
    public func status(of connection: Connection) throws -> [MigrationState] {
        let records = try appliedRecords(connection)
        try verify(records)
        let appliedAt = Dictionary(uniqueKeysWithValues: records.map { ($0.version, $0.appliedAt) })
        return migrations.map { MigrationState(migration: $0, appliedAt: appliedAt[$0.version]) }
    }

    /// Applies the pending migrations in order and returns them; applying again does nothing.
    /// Another process migrating the same file at the same time is safe: each step re-reads the record
    /// inside its write transaction and skips what was applied meanwhile.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> [Migration] {
        try connection.write { try $0.executeScript(Self.createTable) }
        try verify(try appliedRecords(connection))
        var applied: [Migration] = []
        for migration in migrations {
            let didApply: Bool
            do {
                didApply = try connection.write { try applyIfPending(migration, on: $0) }
            } catch {
                Self.reloadSchema(connection)
                throw error
            }
            if didApply {
                Self.reloadSchema(connection)
                applied.append(migration)
            }
        }
        return applied
    }

    /// Applies `migration` in the caller's transaction unless it is recorded already (then checks its checksum).
    private func applyIfPending(_ migration: Migration, on connection: Connection) throws -> Bool {
        let recorded = try connection.queryValue(
            "SELECT checksum FROM schema_migrations WHERE version = ?", [migration.version], as: String.self)
        if let recorded {
            guard recorded == migration.checksum else {
                throw MigrationError.checksumMismatch(
                    file: migration.fileName, recorded: recorded, current: migration.checksum)
            }
            return false
        }
        do {
            try connection.executeScript(migration.sql)
        } catch let error as SQLiteError where error.isEnvironmental {
            // The file takes no writes (full, read-only, locked): the migration is fine, try again later.
            throw error
        } catch {
            throw MigrationError.failed(file: migration.fileName, reason: String(describing: error))
        }
        try connection.execute(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
            [migration.version, migration.name, migration.checksum, now()])
        return true
    }

    /// A migration may rewrite the stored schema itself (`PRAGMA writable_schema`, as 0011 does): other
    /// connections reload it when they see the schema cookie changed, this one only when told to. Done after
    /// every migration, so the next one (an `ALTER TABLE ... ADD COLUMN`, say) works on the text now stored,
    /// and after a failure, so `writable_schema` is never left on.
    static func reloadSchema(_ connection: Connection) {
        try? connection.execute("PRAGMA writable_schema = RESET")
    }
}
