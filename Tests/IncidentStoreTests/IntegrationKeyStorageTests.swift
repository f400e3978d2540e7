import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

/// Integration keys are kept as SHA-256 hashes (issue 11): a key never lies whole in the database file, and
/// keys stored whole by an older Klaxon keep working after the upgrade.
@Suite struct IntegrationKeyStorageTests {
    /// True when `needle` occurs in the bytes of the database file or its write-ahead log.
    static func databaseFilesContain(_ needle: String, path: String) -> Bool {
        [path, path + "-wal"].contains { file in
            guard let bytes = FileManager.default.contents(atPath: file) else { return false }
            return bytes.range(of: Data(needle.utf8)) != nil
        }
    }

    @Test func createdAndRotatedKeysAreFoundButNotStored() async throws {
        let test = try await TestStore.make()
        let first = "first-key-" + String(repeating: "1", count: 33)
        let second = "second-key-" + String(repeating: "2", count: 32)
        let created = try await test.services.create(try serviceDraft("payments"), integrationKey: first, at: t0)
        #expect(try await test.services.service(integrationKey: first) == created)
        let rotated = try await test.services.rotateKey(.id(created.id), newKey: second, at: at(1))
        #expect(try await test.services.service(integrationKey: first) == nil, "the old key stops at once")
        #expect(try await test.services.service(integrationKey: second) == rotated)
        #expect(rotated.integrationKeyPrefix == "second-k")
        #expect(!Self.databaseFilesContain(first, path: test.path))
        #expect(!Self.databaseFilesContain(second, path: test.path))
        await test.close()
    }

    @Test func keysStoredWholeByAnOlderVersionAreHashedAtOpenAndKeepWorking() async throws {
        let test = try await TestStore.make()
        let legacyKey = "legacy-key-" + String(repeating: "L", count: 32)
        // A row as Klaxon wrote it before 0009_secrets: the key whole, no prefix.
        try await test.pool.write { db in
            try db.execute(
                "INSERT INTO services (name, integration_key, created_at, updated_at) VALUES ('legacy', ?, 0, 0)",
                [legacyKey])
        }
        #expect(Self.databaseFilesContain(legacyKey, path: test.path), "the check can see a key stored whole")
        await test.close()

        let reopened = try await KlaxonStore.open(path: test.path)
        let service = try await reopened.services.service(integrationKey: legacyKey)
        #expect(service?.name == "legacy")
        #expect(service?.integrationKeyPrefix == "legacy-k")
        let stored = try await reopened.pool.read { db in
            try db.queryValue("SELECT integration_key FROM services WHERE name = 'legacy'", as: String.self)
        }
        #expect(stored?.count == 64)
        #expect(!Self.databaseFilesContain(legacyKey, path: test.path), "no copy of the key is left in the file")
        await reopened.close()
    }
}
