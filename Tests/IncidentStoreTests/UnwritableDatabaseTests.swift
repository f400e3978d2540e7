import CSQLite
import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

/// A database file that takes no writes when the store opens: served as it is when its schema is current,
/// refused with `StorageUnavailable` naming the pending migrations when it is not.
@Suite struct UnwritableDatabaseTests {
    /// The house pool settings, read-only as on a file system that refuses writes, for a server that stays up.
    private func readOnlyServing() -> DatabasePool.Configuration {
        var configuration = DatabasePool.Configuration()
        configuration.connection.accessMode = .readOnly
        configuration.retriesOpening = true
        configuration.readerCount = 1
        return configuration
    }

    @Test func writesRefusedByTheFileSystemAreStorageUnavailableReadOnly() {
        let refused = SQLiteError(extendedCode: SQLITE_IOERR | (3 << 8), systemErrno: EROFS)
        #expect(StorageUnavailable(refused)?.reason == "database is read-only")
        #expect(StorageUnavailable(SQLiteError(extendedCode: SQLITE_IOERR | (3 << 8), systemErrno: EIO))?.reason == "I/O error")
        #expect(StorageUnavailable(SQLiteError(extendedCode: SQLITE_FULL))?.reason == "disk full")
        #expect(StorageUnavailable(SQLiteError(extendedCode: SQLITE_CONSTRAINT)) == nil)
    }

    @Test func aCurrentDatabaseThatTakesNoWritesOpensForReading() async throws {
        let test = try await TestStore.make()
        let id = try await test.incidents.create(try draft(), by: alice, at: t0).incident.id
        let path = test.store.pool.path
        await test.close()

        let store = try await KlaxonStore.open(path: path, configuration: readOnlyServing())
        #expect(try await store.incidents.incident(id).id == id)
        await #expect(throws: StorageUnavailable(reason: "database is read-only")) {
            try await store.incidents.create(try draft("Refused"), by: alice, at: at(1))
        }
        let readiness = await store.readiness()
        #expect(!readiness.isReady)
        #expect(readiness.pendingMigrations.isEmpty)
        #expect(readiness.problems == ["database not writable: database is read-only"])
        await store.close()
    }

    @Test func pendingMigrationsOnADatabaseThatTakesNoWritesAreStorageUnavailableThenApplied() async throws {
        let test = try await TestStore.make()
        let id = try await test.incidents.create(try draft(), by: alice, at: t0).incident.id
        let path = test.store.pool.path
        // One migration behind, as after an upgrade: 0008 taken back.
        try await test.pool.writeWithoutTransaction { db in
            try db.executeScript(
                """
                BEGIN;
                DROP INDEX incident_escalations_held;
                ALTER TABLE incident_escalations DROP COLUMN held_by_maintenance;
                DROP INDEX maintenance_windows_by_end;
                DROP TABLE maintenance_windows;
                DELETE FROM schema_migrations WHERE version = 8;
                COMMIT;
                """)
        }
        await test.close()

        let refusal = await #expect(throws: StorageUnavailable.self) {
            _ = try await KlaxonStore.open(path: path, configuration: readOnlyServing())
        }
        #expect(
            refusal?.reason == "1 pending migration(s) cannot be applied: database is read-only",
            "\(String(describing: refusal))")

        let store = try await KlaxonStore.open(path: path)
        #expect(await store.readiness().isReady)
        #expect(try await store.incidents.incident(id).id == id)
        await store.close()
    }
}
