import SQLiteCore

/// Klaxon's schema migrations, embedded from `migrations/*.sql` at build time by the `EmbedMigrations`
/// build plugin, so an installed binary or a container image needs no source tree.
public enum KlaxonMigrations {
    /// Every embedded migration, sorted by version. Throws ``MigrationError/invalidFileName(_:)`` when a
    /// file in `migrations/` is not named `NNNN_name.sql`.
    public static func all() throws -> [Migration] {
        try embeddedFiles.map { file in
            guard let migration = Migration(fileName: file.fileName, sql: file.sql) else {
                throw MigrationError.invalidFileName(file.fileName)
            }
            return migration
        }.sorted { $0.version < $1.version }
    }

    /// A migrator over ``all()``, which also checks numbering (no gap, no duplicate).
    public static func migrator() throws -> Migrator {
        try Migrator(migrations: all())
    }
}
