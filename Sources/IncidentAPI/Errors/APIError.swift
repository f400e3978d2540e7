import IncidentDomain

/// The typed error of the HTTP layer: problems with the request itself, before or around the domain.
enum APIError: Error, Equatable {
    /// The body is not JSON, or not the JSON shape expected (`detail` says where).
    case malformedJSON(String)
    /// The body's JSON has a member of the wrong type; reported like a validation error on that field.
    case wrongType(field: String, message: String)
    /// A body was sent with a content type other than JSON.
    case unsupportedMediaType(String?)
    /// A path, query or header parameter is invalid.
    case invalidParameter(field: String, message: String)
    /// No token, an `Authorization` header without one in a scheme we take, or a token unknown or revoked.
    case unauthorized(UnauthorizedReason)
    /// The token's scope does not reach this operation.
    case forbidden(required: TokenScope, actual: TokenScope)
    /// The same `Idempotency-Key` was used with another request body.
    case idempotencyKeyReused
    /// A request with the same `Idempotency-Key` is still being handled.
    case idempotencyKeyInProgress
    /// An ingestion URL's integration key names no service (rotated or mistyped).
    case unknownIntegrationKey
    /// A signed receiver's request carries no signature that matches the service's signing secrets; the
    /// text says what was expected.
    case invalidSignature(expected: String)
    /// The sender's credential is over its ingestion rate limit; retry after this many seconds.
    case rateLimited(retryAfterSeconds: Int)
    /// No route has this path.
    case routeNotFound
    /// The live stream takes no more clients: the server is shutting down, or has as many as it allows.
    case streamUnavailable(retryAfterSeconds: Int)
}

/// Why a request is not authenticated, so the 401 says what to fix.
enum UnauthorizedReason: Equatable {
    /// No `Authorization` header (nor a query token where one is taken).
    case noCredential
    /// No credential, on a route that says what else the caller can do (`/metrics`: `--metrics-public`).
    case noCredentialWithHint(String)
    /// No credential at a receiver that also takes a service's integration key in its path.
    case noCredentialAtReceiver
    /// An `Authorization` header without a token in a scheme the endpoint takes (`Bearer`, or `GenieKey`).
    case unreadableAuthorization
    /// A token that no active token matches.
    case unknownOrRevoked
}
