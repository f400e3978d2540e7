import Glibc
import SQLiteCore

/// Opens Klaxon's database file: the connection pool, with every pending migration applied.
public enum KlaxonDatabase {
    /// Opens (creating it when missing) the database at `path`, applies the pending embedded migrations
    /// on the writer connection, hashes integration keys still stored whole, and returns the pool. Throws
    /// ``MigrationError`` when the recorded migrations disagree with the embedded ones (a changed or missing
    /// file), and closes the pool then. With ``DatabasePool/Configuration/retriesOpening``, a file that
    /// takes no writes is returned as it is when no migration is pending (reads work, writes fail until it
    /// takes them again); with migrations pending it throws ``MigrationsBlocked``.
    /// Creates a missing database file empty and readable by its owner only (0600), before SQLite makes it
    /// with the umask's usual 0644: the database holds incidents, token hashes and sealed secrets, and its
    /// `-wal` and `-shm` take the file's mode. An existing file is left as it is; a missing folder is left to
    /// SQLite's own error.
    public static func createPrivately(_ path: String) {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
    }

    public static func open(
        path: String,
        configuration: DatabasePool.Configuration = DatabasePool.Configuration()
    ) async throws -> DatabasePool {
        let migrator = try KlaxonMigrations.migrator()
        createPrivately(path)
        let pool = try DatabasePool(path: path, configuration: configuration)
        do {
            try await pool.writeWithoutTransaction { db in
                try migrator.migrate(db)
                _ = try IntegrationKeyHash.hashStoredKeys(in: db)
            }
        } catch let error as SQLiteError where configuration.retriesOpening && error.isEnvironmental {
            // The file takes no writes now (a read-only file system, a full disk): serve it as it is when its
            // schema is current, else there is nothing the code can read safely.
            let pending: [String]
            do {
                pending = try await status(pool).filter { !$0.isApplied }.map(\.migration.fileName)
            } catch {
                await pool.close()
                throw MigrationsBlocked(pending: nil, cause: error)
            }
            guard pending.isEmpty else {
                await pool.close()
                throw MigrationsBlocked(pending: pending, cause: error)
            }
        } catch {
            await pool.close()
            throw error
        }
        return pool
    }

    /// Applies pending migrations through an open pool and returns those applied now.
    public static func migrate(_ pool: DatabasePool) async throws -> [Migration] {
        let migrator = try KlaxonMigrations.migrator()
        return try await pool.writeWithoutTransaction { db in
            let applied = try migrator.migrate(db)
            _ = try IntegrationKeyHash.hashStoredKeys(in: db)
            return applied
        }
    }

    /// Every embedded migration with the time it was applied to the pool's database, or pending.
    public static func status(_ pool: DatabasePool) async throws -> [MigrationState] {
        let migrator = try KlaxonMigrations.migrator()
        return try await pool.read { try migrator.status(of: $0) }
    }
}
