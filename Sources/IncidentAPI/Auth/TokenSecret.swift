import Crypto
import Foundation

/// The secret part of an API token: `klx_` followed by 32 random bytes in base64url. Only its SHA-256 hash is
/// stored; the secret is shown once, when it is created.
public struct TokenSecret: Sendable, Hashable {
    public static let prefix = "klx_"
    /// Random bytes per token: 256 bits cannot be guessed.
    public static let randomByteCount = 32

    public let value: String

    public init(value: String) {
        self.value = value
    }

    /// A new random secret from the system's cryptographic generator (getrandom on Linux).
    public static func generate() -> TokenSecret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<randomByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return TokenSecret(value: prefix + Base64URL.encode(bytes))
    }

    /// SHA-256 of the secret's UTF-8 bytes: what the database keeps and looks tokens up by.
    public var hash: [UInt8] {
        Array(SHA256.hash(data: Array(value.utf8)))
    }
}

/// Unpadded base64url (RFC 4648 §5), for secrets and cursors that travel in headers and URLs.
public enum Base64URL {
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
