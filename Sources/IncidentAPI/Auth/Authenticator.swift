import Foundation
import HTTPCore
import IncidentDomain
import Logging

/// Turns `Authorization: Bearer klx_...` into the token it names. Secrets are hashed before the lookup
/// (the store indexes hashes, never secrets), and revoked tokens are refused like unknown ones.
/// No byte-wise secret comparison happens anywhere: the lookup is by SHA-256 of a 256-bit secret, so the
/// timing of the index search tells an attacker nothing about any stored secret (this is how the issue's
/// "compared in constant time" is met).
struct Authenticator: Sendable {
    let tokens: any TokenRepository
    let clock: any WallClock
    let logger: Logger
    let cache: TokenCache

    /// With `acceptingQueryToken`, a request without an `Authorization` header may carry its token as
    /// `?token=` instead: for `EventSource`, which cannot send headers. The query string is never logged.
    func authenticate(_ request: HTTPRequest, acceptingQueryToken: Bool = false) async throws -> APIToken {
        if let secret = Self.bearerSecret(in: request.headers) {
            return try await authenticate(secret: secret)
        }
        if acceptingQueryToken, request.headers["authorization"] == nil, let secret = request.query["token"],
            !secret.isEmpty
        {
            return try await authenticate(secret: secret)
        }
        throw APIError.unauthorized(request.headers["authorization"] == nil ? .noCredential : .unreadableAuthorization)
    }

    /// The token of the request's bearer secret if the token cache holds it (active, recently looked up), without
    /// waiting; nil otherwise, and then `authenticate(_:)` decides (looking it up, or refusing).
    func cachedToken(_ request: HTTPRequest) -> APIToken? {
        guard let secret = Self.bearerSecret(in: request.headers) else { return nil }
        return cache.token(forHash: TokenSecret(value: secret).hash)
    }

    /// The active token with this secret (`APIError.unauthorized` otherwise), its last use recorded.
    func authenticate(secret: String) async throws -> APIToken {
        let hash = TokenSecret(value: secret).hash
        if let cached = cache.token(forHash: hash) {
            return cached
        }
        let ticket = cache.ticket()
        guard let token = try await tokens.token(secretHash: hash), token.isActive else {
            throw APIError.unauthorized(.unknownOrRevoked)
        }
        cache.remember(token, forHash: hash, ticket: ticket)
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
        // Plain Substring work: this runs on every API request (Foundation's trimming showed in profiles).
        let trimmed = value.drop { $0 == " " || $0 == "\t" }
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }),
            trimmed[..<space].lowercased() == "bearer"
        else { return nil }
        var secret = trimmed[space...].drop { $0 == " " || $0 == "\t" }
        while let last = secret.last, last == " " || last == "\t" { secret = secret.dropLast() }
        return secret.isEmpty ? nil : String(secret)
    }

}
