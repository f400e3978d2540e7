import Crypto
import Foundation
import Testing

/// The generic receiver with Standard Webhooks signatures, for a service that has signing secrets.
@Suite struct SignedGenericAlertAPITests {
    static let secret = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()
    static let nextSecret = "whsec_" + Data((0..<32).map { UInt8(255 - $0) }).base64EncodedString()
    static let body = #"{"summary": "Disk almost full on db-1", "dedup_key": "disk-db-1"}"#

    /// `v1,<base64 HMAC-SHA256 of id.timestamp.body>` under a `whsec_` secret, as a sender computes it.
    static func signature(_ body: String, id: String, timestamp: Int, secret: String) -> String {
        let key = SymmetricKey(data: Data(base64Encoded: String(secret.dropFirst("whsec_".count)))!)
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).\(body)".utf8), using: key)
        return "v1," + Data(mac).base64EncodedString()
    }

    static func headers(_ body: String, id: String, timestamp: Int, secret: String) -> [String: String] {
        [
            "webhook-id": id, "webhook-timestamp": String(timestamp),
            "webhook-signature": signature(body, id: id, timestamp: timestamp, secret: secret),
        ]
    }

    @Test func signedRequestsAreTakenOnceAndOthersRefused() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("signed")
            let path = "/api/v1/integrations/generic/\(key)"
            let set = try await app.request(
                "PUT", "/api/v1/services/signed/signing-secrets", json: ["secrets": [Self.secret]])
            #expect(set.status == 204)
            let now = Int(app.clock.now().timeIntervalSince1970)

            let unsigned = try await app.request("POST", path, token: nil, rawBody: Self.body)
            #expect(unsigned.status == 400)
            let fields = (try unsigned.object()["errors"] as? [[String: Any]] ?? []).compactMap {
                $0["field"] as? String
            }
            #expect(Set(fields) == ["webhook-id", "webhook-timestamp", "webhook-signature"])

            let wrongKey = try await app.request(
                "POST", path, token: nil, rawBody: Self.body,
                headers: Self.headers(Self.body, id: "msg_1", timestamp: now, secret: Self.nextSecret))
            #expect(wrongKey.status == 401)
            let stale = try await app.request(
                "POST", path, token: nil, rawBody: Self.body,
                headers: Self.headers(Self.body, id: "msg_1", timestamp: now - 301, secret: Self.secret))
            #expect(stale.status == 400)
            let tampered = try await app.request(
                "POST", path, token: nil, rawBody: Self.body.replacingOccurrences(of: "db-1", with: "db-2"),
                headers: Self.headers(Self.body, id: "msg_1", timestamp: now, secret: Self.secret))
            #expect(tampered.status == 401)
            #expect(try await app.incidents().isEmpty)

            let signed = try await app.request(
                "POST", path, token: nil, rawBody: Self.body,
                headers: Self.headers(Self.body, id: "msg_1", timestamp: now, secret: Self.secret))
            #expect(signed.status == 200, "\(signed.text)")
            let replay = try await app.request(
                "POST", path, token: nil, rawBody: Self.body,
                headers: Self.headers(Self.body, id: "msg_1", timestamp: now, secret: Self.secret))
            // A retry of a delivery already taken (the sender lost the first answer) is a success that writes
            // nothing: the alert is not counted again and no event is added.
            #expect(replay.status == 200, "\(replay.text)")
            let replayed = try replay.object()
            #expect(replayed["status"] as? String == "already_received")
            #expect((replayed["alerts"] as? [Any])?.isEmpty == true)
            #expect((replayed["detail"] as? String)?.contains("msg_1") == true)
            let incidents = try await app.incidents()
            #expect(incidents.count == 1)
            let incidentID = try #require(incidents.first?["id"] as? Int)
            let stored = try await app.request("GET", "/api/v1/incidents/\(incidentID)/alerts").items()
            #expect(stored.map { $0["times_seen"] as? Int } == [1])
            let retried = try await app.request(
                "POST", path, token: nil, rawBody: Self.body,
                headers: Self.headers(Self.body, id: "msg_1", timestamp: now + 30, secret: Self.secret))
            #expect(retried.status == 200)
            #expect(try retried.object()["status"] as? String == "already_received")

            // Routed by token to the same service (its `service` field): the same rule holds.
            let byToken = try await app.request(
                "POST", "/api/v1/integrations/generic", json: ["summary": "x", "service": "signed"])
            #expect(byToken.status == 400)
        }
    }

    @Test func twoSecretsDuringRotationAndNoneTurnsSigningOff() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("signed")
            let path = "/api/v1/integrations/generic/\(key)"
            let now = Int(app.clock.now().timeIntervalSince1970)
            #expect(
                try await app.request(
                    "PUT", "/api/v1/services/signed/signing-secrets", json: ["secrets": [Self.secret, Self.nextSecret]]
                ).status == 204)
            for (id, secret) in [("msg_a", Self.secret), ("msg_b", Self.nextSecret)] {
                let answer = try await app.request(
                    "POST", path, token: nil, rawBody: Self.body,
                    headers: Self.headers(Self.body, id: id, timestamp: now, secret: secret))
                #expect(answer.status == 200)
            }
            #expect(
                try await app.request("PUT", "/api/v1/services/signed/signing-secrets", json: ["secrets": []]).status
                    == 204)
            #expect(try await app.request("POST", path, token: nil, rawBody: Self.body).status == 200)
        }
    }

    @Test func invalidSecretListsAre422AndUnknownServices404() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("signed")
            let path = "/api/v1/services/signed/signing-secrets"
            let three = try await app.request(
                "PUT", path, json: ["secrets": [Self.secret, Self.nextSecret, "s" + String(repeating: "x", count: 40)]])
            #expect(three.status == 422)
            let short = try await app.request("PUT", path, json: ["secrets": ["too-short"]])
            #expect(short.status == 422)
            let badBase64 = try await app.request("PUT", path, json: ["secrets": ["whsec_!!!"]])
            #expect(badBase64.status == 422)
            let missing = try await app.request(
                "PUT", "/api/v1/services/nosuch/signing-secrets", json: ["secrets": [Self.secret]])
            #expect(missing.status == 404)
            let writer = try await app.createToken(name: "writer", scope: "write")
            #expect(try await app.request("PUT", path, token: writer, json: ["secrets": []]).status == 403)
        }
    }
}
