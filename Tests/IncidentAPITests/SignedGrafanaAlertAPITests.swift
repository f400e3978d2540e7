import Crypto
import Foundation
import Testing

/// Grafana alerting's HMAC signature (its webhook contact point's "HMAC Signature" settings): checked when the
/// routed service has signing secrets, over the body or over `timestamp:body`.
@Suite struct SignedGrafanaAlertAPITests {
    /// A plain secret, typed into Grafana's contact point as it is.
    static let secret = "grafana-signing-secret-0123456789abcdef"
    static let otherSecret = "another-signing-secret-0123456789abcdef"

    static var body: String {
        var payload = AlertmanagerIngestionAPITests.firing
        payload["version"] = "1"
        payload["orgId"] = 1
        payload["state"] = "alerting"
        let data = try! JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, as Grafana computes it.
    static func signature(_ content: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(content.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    @Test func signaturesOverTheBodyOrTimestampAndBodyAreChecked() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("checkout")
            let path = "/api/v1/integrations/grafana/\(key)"
            let body = Self.body
            // No secret yet: unsigned requests are taken.
            #expect(try await app.request("POST", path, token: nil, rawBody: body).status == 200)
            #expect(
                try await app.request(
                    "PUT", "/api/v1/services/checkout/signing-secrets", json: ["secrets": [Self.secret]]
                ).status == 204)

            let unsigned = try await app.request("POST", path, token: nil, rawBody: body)
            #expect(unsigned.status == 401)
            #expect(try unsigned.object()["detail"] as? String ?? "" != "")
            let wrongSecret = try await app.request(
                "POST", path, token: nil, rawBody: body,
                headers: ["X-Grafana-Alerting-Signature": Self.signature(body, secret: Self.otherSecret)])
            #expect(wrongSecret.status == 401)
            let notHex = try await app.request(
                "POST", path, token: nil, rawBody: body, headers: ["X-Grafana-Alerting-Signature": "sha256=zz"])
            #expect(notHex.status == 401)

            let bodyOnly = try await app.request(
                "POST", path, token: nil, rawBody: body,
                headers: ["X-Grafana-Alerting-Signature": Self.signature(body, secret: Self.secret)])
            #expect(bodyOnly.status == 200, "\(bodyOnly.text)")
            let upperCase = try await app.request(
                "POST", path, token: nil, rawBody: body,
                headers: ["X-Grafana-Alerting-Signature": Self.signature(body, secret: Self.secret).uppercased()])
            #expect(upperCase.status == 200)

            let now = Int(app.clock.now().timeIntervalSince1970)
            for header in ["X-Grafana-Alerting-Signature-Timestamp", "X-Grafana-Alerting-Timestamp"] {
                let timed = try await app.request(
                    "POST", path, token: nil, rawBody: body,
                    headers: [
                        header: String(now),
                        "X-Grafana-Alerting-Signature": Self.signature("\(now):\(body)", secret: Self.secret),
                    ])
                #expect(timed.status == 200, "\(header): \(timed.text)")
            }
            // A body-only signature does not cover a request that names a timestamp.
            let mismatched = try await app.request(
                "POST", path, token: nil, rawBody: body,
                headers: [
                    "X-Grafana-Alerting-Timestamp": String(now),
                    "X-Grafana-Alerting-Signature": Self.signature(body, secret: Self.secret),
                ])
            #expect(mismatched.status == 401)
            let stale = try await app.request(
                "POST", path, token: nil, rawBody: body,
                headers: [
                    "X-Grafana-Alerting-Timestamp": String(now - 301),
                    "X-Grafana-Alerting-Signature": Self.signature("\(now - 301):\(body)", secret: Self.secret),
                ])
            #expect(stale.status == 400)
            let tampered = try await app.request(
                "POST", path, token: nil, rawBody: body.replacingOccurrences(of: "HighLatency", with: "LowLatency"),
                headers: ["X-Grafana-Alerting-Signature": Self.signature(body, secret: Self.secret)])
            #expect(tampered.status == 401)
            #expect(try await app.incidents().count == 1)
        }
    }

    @Test func eitherOfTwoSecretsDuringRotation() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("checkout")
            #expect(
                try await app.request(
                    "PUT", "/api/v1/services/checkout/signing-secrets",
                    json: ["secrets": [Self.secret, Self.otherSecret]]
                ).status == 204)
            let body = Self.body
            for secret in [Self.secret, Self.otherSecret] {
                let answer = try await app.request(
                    "POST", "/api/v1/integrations/grafana/\(key)", token: nil, rawBody: body,
                    headers: ["X-Grafana-Alerting-Signature": Self.signature(body, secret: secret)])
                #expect(answer.status == 200)
            }
        }
    }
}
