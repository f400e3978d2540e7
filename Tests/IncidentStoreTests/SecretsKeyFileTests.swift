import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

/// The secrets key file (issue 11): made on first start, required once secrets are sealed with it, and a
/// wrong, missing or malformed one is a start-up error that names the file.
@Suite struct SecretsKeyFileTests {
    static let inboundSecret = "whsec_" + String(repeating: "A", count: 40)

    @Test func aNewDatabaseGetsAKeyFileReadableByItsOwnerOnly() async throws {
        let test = try await TestStore.make()
        let keyPath = test.path + ".key"
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(FileManager.default.contents(atPath: keyPath)?.count == 32)
        await test.close()
    }

    @Test func aWrongMissingOrMalformedKeyFileIsAStartUpErrorNamingTheFile() async throws {
        let test = try await TestStore.make()
        try await test.store.alerts.setSigningSecrets([Self.inboundSecret], for: .name("default"), at: t0)
        await test.close()
        let keyPath = test.path + ".key"

        let otherKey = test.directory.appendingPathComponent("other.key").path
        #expect(FileManager.default.createFile(atPath: otherKey, contents: Data(repeating: 7, count: 32)))
        let wrong = await #expect(throws: SecretsKeyError.self) {
            try await KlaxonStore.open(path: test.path, secretsKeyPath: otherKey)
        }
        #expect(wrong == SecretsKeyError(path: otherKey, problem: .wrongKey))
        #expect(wrong?.description.contains(otherKey) == true)

        let short = test.directory.appendingPathComponent("short.key").path
        #expect(FileManager.default.createFile(atPath: short, contents: Data(repeating: 7, count: 5)))
        let malformed = await #expect(throws: SecretsKeyError.self) {
            try await KlaxonStore.open(path: test.path, secretsKeyPath: short)
        }
        #expect(malformed == SecretsKeyError(path: short, problem: .malformed(byteCount: 5)))

        let saved = try #require(FileManager.default.contents(atPath: keyPath))
        try FileManager.default.removeItem(atPath: keyPath)
        let missing = await #expect(throws: SecretsKeyError.self) {
            try await KlaxonStore.open(path: test.path)
        }
        #expect(missing == SecretsKeyError(path: keyPath, problem: .missing))
        #expect(missing?.description.contains("\(keyPath) is missing") == true)
        #expect(!FileManager.default.fileExists(atPath: keyPath), "a missing key is not replaced by a new one")

        #expect(FileManager.default.createFile(atPath: keyPath, contents: saved))
        let restored = try await KlaxonStore.open(path: test.path)
        let secrets = try await restored.alerts.signingSecrets(routedTo: .name("default")).secrets
        #expect(secrets == [Self.inboundSecret])
        await restored.close()
    }

    @Test func plainSecretsOfAnOlderDatabaseAreSealedAtOpen() async throws {
        let test = try await TestStore.make()
        let actionKey = try await test.store.deliveries.actionLinkKey()
        // Back to how Klaxon stored secrets before 0009_secrets: in plain text, with no key file.
        try await test.pool.write { db in
            try db.execute("DELETE FROM secrets_key_check")
            try db.execute("UPDATE server_secrets SET secret = ? WHERE name = 'action_links'", [actionKey])
            try db.execute(
                "INSERT INTO service_signing_secrets (service_id, secret, created_at) VALUES (1, ?, 0)",
                [Self.inboundSecret])
        }
        await test.close()
        try FileManager.default.removeItem(atPath: test.path + ".key")
        #expect(IntegrationKeyStorageTests.databaseFilesContain(Self.inboundSecret, path: test.path))

        let reopened = try await KlaxonStore.open(path: test.path)
        #expect(FileManager.default.contents(atPath: test.path + ".key")?.count == 32)
        let secrets = try await reopened.alerts.signingSecrets(routedTo: .name("default")).secrets
        #expect(secrets == [Self.inboundSecret])
        #expect(try await reopened.deliveries.actionLinkKey() == actionKey, "links made before keep verifying")
        #expect(!IntegrationKeyStorageTests.databaseFilesContain(Self.inboundSecret, path: test.path))
        await reopened.close()
        // Sealing is done once: opening again changes nothing and still reads the secrets.
        let again = try await KlaxonStore.open(path: test.path)
        #expect(try await again.alerts.signingSecrets(routedTo: .name("default")).secrets == [Self.inboundSecret])
        await again.close()
    }
}
