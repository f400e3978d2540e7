import Crypto
import Foundation
import IncidentDomain

/// The Standard Webhooks HMAC, one implementation for both directions: inbound generic alerts are checked
/// with it, outbound pages are signed with it.
enum WebhookSigning {
    /// HMAC-SHA256 of `content` under a secret (`whsec_<base64>`, else its UTF-8 bytes); nil for a `whsec_`
    /// secret whose rest is not base64.
    static func mac(of content: [UInt8], secret: String) -> [UInt8]? {
        guard let key = StandardWebhookSignature.key(fromSecret: secret) else { return nil }
        return Array(HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key)))
    }

    /// `v1,<base64>` over `id.timestamp.body`: the `webhook-signature` header of an outbound page.
    static func signatureHeader(id: String, timestamp: Int64, body: [UInt8], secret: String) -> String? {
        var content = Array("\(id).\(timestamp).".utf8)
        content.append(contentsOf: body)
        return mac(of: content, secret: secret).map { "v1," + Data($0).base64EncodedString() }
    }
}
