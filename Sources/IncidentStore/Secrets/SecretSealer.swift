import Crypto
import Foundation

/// Encrypts the secrets that must stay usable (inbound and outbound signing secrets, the action-link key)
/// before they reach the database, with AES-256-GCM under the key of the secrets key file
/// (``SecretsKeyFile``), which never lives in the database. A sealed value is `v1:` and the base64 of nonce,
/// ciphertext and tag; a fresh random nonce per value, so equal secrets do not look equal.
public struct SecretSealer: Sendable {
    /// The version marker of the sealed form (the key and cipher it was made with).
    static let marker = "v1:"

    private let keyBytes: [UInt8]

    /// A sealer under a 256-bit key.
    public init(keyBytes: [UInt8]) {
        precondition(keyBytes.count == SecretsKeyFile.keyByteCount, "a secrets key has 32 bytes")
        self.keyBytes = keyBytes
    }

    /// The sealed form of `plaintext`, to store.
    public func seal(_ plaintext: [UInt8]) -> String {
        let key = SymmetricKey(data: keyBytes)
        do {
            guard let combined = try AES.GCM.seal(plaintext, using: key).combined else {
                preconditionFailure("AES.GCM with its default 12-byte nonce always has a combined form")
            }
            return Self.marker + combined.base64EncodedString()
        } catch {
            // Sealing fails only for invalid key sizes, which the initializer rules out.
            preconditionFailure("AES.GCM.seal failed: \(error)")
        }
    }

    /// The sealed form of a text secret.
    public func seal(_ text: String) -> String {
        seal(Array(text.utf8))
    }

    /// The plaintext of a sealed value; `StoredDataError` naming `column` when it is not one this key opens.
    public func open(_ sealed: String, column: String) throws -> [UInt8] {
        guard sealed.hasPrefix(Self.marker),
            let combined = Data(base64Encoded: String(sealed.dropFirst(Self.marker.count))),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let plaintext = try? AES.GCM.open(box, using: SymmetricKey(data: keyBytes))
        else {
            throw StoredDataError(column: column, found: "a value the secrets key does not open")
        }
        return Array(plaintext)
    }

    /// The text of a sealed text secret.
    public func openText(_ sealed: String, column: String) throws -> String {
        let bytes = try open(sealed, column: column)
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw StoredDataError(column: column, found: "a secret that is not UTF-8")
        }
        return text
    }
}
