import HTTPCore
import IncidentDomain

extension Authenticator {
    /// The bearer token of `request`, which must permit `scope` (`ingest` is permitted to `ingest` and `admin`
    /// tokens): `APIError.unauthorized` without a valid token, `APIError.forbidden` when its scope falls short.
    func authorize(_ request: HTTPRequest, scope: TokenScope) async throws -> APIToken {
        try await authorize(
            secret: Self.bearerSecret(in: request.headers), headerSent: request.headers["authorization"] != nil,
            scope: scope)
    }

    /// As `authorize(_:scope:)` for a secret found elsewhere (Opsgenie's `Authorization: GenieKey`).
    func authorize(secret: String?, headerSent: Bool, scope: TokenScope) async throws -> APIToken {
        guard let secret else { throw APIError.unauthorized(headerSent ? .unreadableAuthorization : .noCredential) }
        let token = try await authenticate(secret: secret)
        guard token.scope.permits(scope) else { throw APIError.forbidden(required: scope, actual: token.scope) }
        return token
    }
}
