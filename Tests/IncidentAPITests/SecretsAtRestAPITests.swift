import Crypto
import Foundation
import SQLiteCore
import Testing

/// Issue 11, "Secrets": after keys are made and rotated, signing secrets set and used in and out, the bytes of
/// the database file and its write-ahead log hold none of them; what must stay usable still works.
@Suite struct SecretsAtRestAPITests {
    static func whsec(_ seed: UInt8) -> String {
        "whsec_" + Data((0..<32).map { UInt8(truncatingIfNeeded: Int($0) * 7 + Int(seed)) }).base64EncodedString()
    }

    /// The needles among `needles` that occur in the database file or its write-ahead log.
    static func found(_ needles: [String], in app: TestApplication) -> [String] {
        let path = app.directory.appendingPathComponent("klaxon.db").path
        let files = [path, path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
        #expect(!files.isEmpty)
        return needles.filter { needle in files.contains { $0.range(of: Data(needle.utf8)) != nil } }
    }

    @Test func noIntegrationKeyOrSigningSecretIsInTheDatabaseFile() async throws {
        let receiver = try TestReceiver.start()
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            let inbound = [Self.whsec(1), Self.whsec(2)]
            let (userSecret, policySecret) = (Self.whsec(3), Self.whsec(4))
            try await app.expect(
                201, "POST", "/api/v1/users", json: ["handle": "dave", "name": "Dave", "webhook_url": receiver.url("dave")])
            try await app.expect(204, "PUT", "/api/v1/users/dave/signing-secret", json: ["secret": userSecret])
            try await app.expect(
                201, "POST", "/api/v1/escalation-policies",
                json: ["name": "signed", "levels": [["delay_minutes": 30, "targets": [["user": "dave"]]]]])
            try await app.expect(
                204, "PUT", "/api/v1/escalation-policies/signed/signing-secret", json: ["secret": policySecret])
            let created = try await app.expect(
                201, "POST", "/api/v1/services", json: ["name": "signed", "escalation_policy": "signed"])
            let firstKey = try #require(created["integration_key"] as? String)
            let rotated = try await app.expect(200, "POST", "/api/v1/services/signed/rotate-key")
            let key = try #require(rotated["integration_key"] as? String)
            try await app.expect(204, "PUT", "/api/v1/services/signed/signing-secrets", json: ["secrets": inbound])

            // A signed alert under the second inbound secret opens an incident, which pages dave signed.
            let body = #"{"summary": "Checkout down", "dedup_key": "checkout"}"#
            let now = Int(app.clock.now().timeIntervalSince1970)
            let alert = try await app.request(
                "POST", "/api/v1/integrations/generic/\(key)", token: nil, rawBody: body,
                headers: SignedGenericAlertAPITests.headers(body, id: "msg_1", timestamp: now, secret: inbound[1]))
            #expect(alert.status == 200, "\(alert.text)")
            try await app.application.runDeliveries()
            let page = try #require(receiver.received.first)
            let id = try #require(page.headers["webhook-id"])
            let timestamp = try #require(page.headers["webhook-timestamp"])
            let mac = HMAC<SHA256>.authenticationCode(
                for: Array("\(id).\(timestamp).".utf8) + page.body,
                using: SymmetricKey(data: Data(base64Encoded: String(userSecret.dropFirst(6)))!))
            #expect(page.headers["webhook-signature"] == "v1," + Data(mac).base64EncodedString())
            // The link signed with the (sealed) action-link key still acknowledges.
            let links = try #require(try page.object()["links"] as? [String: String])
            let acknowledge = try #require(links["acknowledge"]).replacingOccurrences(
                of: "http://127.0.0.1:\(app.port)", with: "")
            #expect(try await app.request("POST", acknowledge, token: nil).status == 200)

            let secrets = [firstKey, key] + inbound + [userSecret, policySecret]
            let bodies = (inbound + [userSecret, policySecret]).map { String($0.dropFirst("whsec_".count)) }
            #expect(Self.found(secrets + bodies, in: app) == [])

            // What is stored instead: sealed values, and the key's hash and prefix.
            let connection = try Connection(path: app.directory.appendingPathComponent("klaxon.db").path)
            let sealed = try connection.query(
                """
                SELECT secret FROM service_signing_secrets UNION ALL SELECT signing_secret FROM users
                UNION ALL SELECT signing_secret FROM escalation_policies UNION ALL SELECT CAST(secret AS TEXT)
                FROM server_secrets
                """
            ) { try $0.column(0, as: String.self) }
            #expect(sealed.count == 5)
            #expect(sealed.allSatisfy { $0.hasPrefix("v1:") }, "\(sealed)")
            let stored = try connection.queryFirst(
                "SELECT integration_key, integration_key_prefix FROM services WHERE name = 'signed'"
            ) { (try $0.column(0, as: String.self), try $0.column(1, as: String.self)) }
            let hash = SHA256.hash(data: Array(key.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(stored?.0 == hash)
            #expect(stored?.1 == String(key.prefix(8)))
        }
    }
}
