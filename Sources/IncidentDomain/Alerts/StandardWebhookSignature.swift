import Foundation

/// The Standard Webhooks signature headers of a generic alert request (`webhook-id`, `webhook-timestamp`,
/// `webhook-signature`), checked for form and freshness. The domain has no cryptography: the API computes
/// HMAC-SHA256 of `signedContent(body:)` with each of the service's keys (`key(fromSecret:)`) and compares it,
/// in constant time, with each of `signatures`; it also refuses a `webhook-id` it has already seen.
///
/// The convention: `webhook-timestamp` is integer Unix seconds and must be within 5 minutes of now (either
/// way, against replays); `webhook-signature` is a space-separated list of `version,base64` entries, of which
/// Klaxon reads the `v1` ones (HMAC-SHA256) and skips others, so senders can add schemes; the signed content
/// is `id.timestamp.body` over the raw body bytes.
public struct StandardWebhookSignature: Hashable, Sendable {
    public var id: String
    /// Unix seconds, as sent.
    public var timestamp: Int64
    /// The decoded `v1` signatures, at least one.
    public var signatures: [Data]

    /// How far `webhook-timestamp` may be from now, either way: 5 minutes, the convention's recommendation.
    public static let defaultTolerance: TimeInterval = 300

    /// Checks the three header values (nil when absent) and reports every problem at once as `.validation`,
    /// fields named by header.
    public init(
        id: String?, timestamp: String?, signature: String?, now: Date,
        tolerance: TimeInterval = StandardWebhookSignature.defaultTolerance
    ) throws(IncidentError) {
        var validator = FieldValidator()
        let id = AlertText.nonBlank(id)
        if id == nil { validator.fail("webhook-id", "is required") }
        var seconds: Int64?
        if let timestamp {
            if !timestamp.isEmpty, timestamp.utf8.count <= 18, timestamp.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let value = Int64(timestamp)
            {
                seconds = value
                if abs(Double(value) - now.timeIntervalSince1970) > tolerance {
                    validator.fail(
                        "webhook-timestamp", "is more than \(Int(tolerance)) seconds away from the server's time")
                }
            } else {
                validator.fail("webhook-timestamp", "must be integer Unix seconds")
            }
        } else {
            validator.fail("webhook-timestamp", "is required")
        }
        var signatures: [Data] = []
        if let signature {
            for entry in signature.split(separator: " ") {
                guard entry.hasPrefix("v1,"), let decoded = Data(base64Encoded: String(entry.dropFirst(3))),
                    !decoded.isEmpty
                else { continue }
                signatures.append(decoded)
            }
            if signatures.isEmpty { validator.fail("webhook-signature", "has no v1 signature") }
        } else {
            validator.fail("webhook-signature", "is required")
        }
        try validator.finish()
        self.id = id ?? ""
        self.timestamp = seconds ?? 0
        self.signatures = signatures
    }

    /// The bytes the sender signed: `id.timestamp.body`.
    public func signedContent(body: some Collection<UInt8>) -> [UInt8] {
        var content = Array("\(id).\(timestamp).".utf8)
        content.append(contentsOf: body)
        return content
    }

    /// The HMAC key of a secret: the base64 after `whsec_` (the convention's form), else the secret's own
    /// UTF-8 bytes; nil for a `whsec_` secret whose rest is not base64.
    public static func key(fromSecret secret: String) -> Data? {
        guard secret.hasPrefix("whsec_") else { return Data(secret.utf8) }
        return Data(base64Encoded: String(secret.dropFirst(6)))
    }
}
