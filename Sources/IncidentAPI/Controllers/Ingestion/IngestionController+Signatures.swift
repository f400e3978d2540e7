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
            guard let key = StandardWebhookSignature.key(fromSecret: secret) else { continue }
            let expected = Array(HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key)))
            for candidate in signature.signatures where ConstantTime.equals(expected, Array(candidate)) {
                return signature.id
            }
        }
        throw APIError.invalidSignature
    }
}
