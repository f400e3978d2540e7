import Crypto
import Foundation
import IncidentDomain

/// Signs and checks one-click action links with the server's key (kept in the database, generated once),
/// so a link cannot be forged or changed to another incident, action, user or expiry.
struct ActionLinkSigner: Sendable {
    let key: [UInt8]

    /// The token of `link`: its claim and the base64url HMAC-SHA256 of the claim.
    func token(for link: ActionLink) -> String {
        link.signedText + "." + Self.base64URL(mac(link.signedText))
    }

    /// Why a link failed to check.
    enum Failure: Error, Equatable {
        case malformed
        case forged
        case expired(at: Date)
    }

    /// The link a token carries, if it is well formed, signed by this server and not expired at `now`.
    func verify(_ token: String, now: Date) -> Result<ActionLink, Failure> {
        guard let (link, signedText, signature) = ActionLink.parse(token),
            let received = Self.decodeBase64URL(signature)
        else { return .failure(.malformed) }
        guard ConstantTime.equals(mac(signedText), received) else { return .failure(.forged) }
        guard link.expiresAt > now else { return .failure(.expired(at: link.expiresAt)) }
        return .success(link)
    }

    private func mac(_ text: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: key)))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: String) -> [UInt8]? {
        guard text.utf8.count <= 64 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map { Array($0) }
    }
}
