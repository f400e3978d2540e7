import Foundation
import HTTPCore
import IncidentDomain
import Logging

/// Turns `Authorization: Bearer klx_...` into the token it names. Secrets are hashed before the lookup
/// (the store indexes hashes, never secrets), and revoked tokens are refused like unknown ones.
struct Authenticator: Sendable {
    let tokens: any TokenRepository
    let clock: any WallClock
    let logger: Logger

    func authenticate(_ request: HTTPRequest) async throws -> APIToken {
        guard let secret = Self.bearerSecret(in: request.headers) else {
            throw APIError.unauthorized(tokenSent: request.headers["authorization"] != nil)
        }
        return try await authenticate(secret: secret)
    }

    /// The active token with this secret (`APIError.unauthorized` otherwise), its last use recorded.
    func authenticate(secret: String) async throws -> APIToken {
        let hash = TokenSecret(value: secret).hash
        guard let token = try await tokens.token(secretHash: hash), token.isActive else {
            throw APIError.unauthorized(tokenSent: true)
        }
        let now = clock.now()
        if token.needsTouch(at: now) {
            do {
                try await tokens.touch(token.id, at: now)
            } catch {
                // Last use is bookkeeping: a full disk must not lock everybody out of reading incidents.
                logger.debug("could not record token use", metadata: ["token": "\(token.name)"])
            }
        }
        return token
    }

    /// The credential of a `Bearer` authorization (RFC 6750 §2.1; the scheme is case-insensitive).
    static func bearerSecret(in headers: HTTPHeaders) -> String? {
        guard let value = headers["authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        return secret.isEmpty ? nil : secret
    }
}
