import Crypto
import Foundation
import HTTPCore
import IncidentDomain

extension IngestionController {
    /// Checks a Standard Webhooks signature against a service's signing secrets and returns its `webhook-id`
    /// (which the store then takes at most once); nil when the service has no secret (no signature needed).
    ///
    /// Headers missing, malformed or with a timestamp more than 5 minutes away: `IncidentError.validation`
    /// naming the header (400). No `v1` signature matching HMAC-SHA256 of `id.timestamp.body` under any of the
    /// secrets (compared in constant time): `APIError.invalidSignature` (401).
    static func verifySignature(_ request: HTTPRequest, secrets: [String], now: Date) throws -> String? {
        if secrets.isEmpty { return nil }
        let headers = request.headers
        let signature = try StandardWebhookSignature(
            id: headers["webhook-id"], timestamp: headers["webhook-timestamp"],
            signature: headers["webhook-signature"], now: now)
        let content = signature.signedContent(body: request.body)
        for secret in secrets {
            guard let expected = WebhookSigning.mac(of: content, secret: secret) else { continue }
            for candidate in signature.signatures where ConstantTime.equals(expected, Array(candidate)) {
                return signature.id
            }
        }
        throw APIError.invalidSignature(
            expected: "No webhook-signature matches HMAC-SHA256 of 'webhook-id.webhook-timestamp.body'")
    }

    /// Grafana's signature header, and the timestamp headers Klaxon reads (Grafana has no default timestamp
    /// header name; the README tells users to configure the first).
    static let grafanaSignatureHeader = "x-grafana-alerting-signature"
    static let grafanaTimestampHeaders = ["x-grafana-alerting-signature-timestamp", "x-grafana-alerting-timestamp"]

    /// Checks Grafana alerting's HMAC signature when the service has secrets: lowercase hex HMAC-SHA256 in
    /// `X-Grafana-Alerting-Signature`, keyed with the secret's UTF-8 bytes as typed into Grafana, over the body,
    /// or over `timestamp:body` when a timestamp header came (Unix seconds, at most 5 minutes away, so a
    /// captured request cannot be replayed later). Without a timestamp header a replay cannot be told apart;
    /// the README recommends configuring one.
    ///
    /// No or a wrong signature: `APIError.invalidSignature` (401); a malformed or stale timestamp:
    /// `IncidentError.validation` naming the header (400).
    static func verifyGrafanaSignature(_ request: HTTPRequest, secrets: [String], now: Date) throws {
        if secrets.isEmpty { return }
        let expectation =
            "No X-Grafana-Alerting-Signature matches the hex HMAC-SHA256 of the body (or 'timestamp:body')"
        guard let header = request.headers[grafanaSignatureHeader],
            let received = hexBytes(header.trimmingCharacters(in: .whitespaces))
        else {
            throw APIError.invalidSignature(expected: expectation)
        }
        var content: [UInt8] = []
        if let (name, value) = grafanaTimestampHeaders.lazy.compactMap({ name in
            request.headers[name].map { (name, $0) }
        }).first {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard let seconds = Int64(trimmed), trimmed.count <= 12 else {
                throw IncidentError.validation([FieldError(field: name, message: "must be Unix seconds")])
            }
            let skew = abs(now.timeIntervalSince1970 - Double(seconds))
            guard skew <= StandardWebhookSignature.defaultTolerance else {
                throw IncidentError.validation([
                    FieldError(field: name, message: "is more than 5 minutes away from the server's clock")
                ])
            }
            content.append(contentsOf: Array(trimmed.utf8))
            content.append(UInt8(ascii: ":"))
        }
        content.append(contentsOf: request.body)
        for secret in secrets {
            let key = SymmetricKey(data: Data(secret.utf8))
            let expected = Array(HMAC<SHA256>.authenticationCode(for: content, using: key))
            if ConstantTime.equals(expected, received) { return }
        }
        throw APIError.invalidSignature(expected: expectation)
    }

    /// The bytes of a hex string of even length (either case); nil for anything else.
    static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0, digits.count <= 128 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}
