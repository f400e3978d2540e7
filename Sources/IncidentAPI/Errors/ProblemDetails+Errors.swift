import IncidentDomain
import Logging

/// The one place where errors become HTTP statuses (STYLE.md: "HTTP status is chosen in one place").
extension ProblemDetails {
    /// The problem for any error a handler threw. Errors the API does not know are logged and answered
    /// with an opaque 500, so no internal detail leaks to the client; the log line and the answer name the
    /// request's `X-Request-Id` (`requestID`), so the one can be found from the other.
    static func from(_ error: any Error, logger: Logger, requestID: String? = nil) -> ProblemDetails {
        switch error {
        case let error as APIError:
            return from(error)
        case let error as IncidentError:
            return from(error)
        case let error as StorageUnavailable:
            // The store's write availability is logged once per change (see buildApplication), not per request.
            logger.debug("answered 503: storage unavailable", metadata: ["reason": "\(error.reason)"])
            return ProblemDetails(
                kind: "unavailable", title: "Service Unavailable", status: 503,
                detail:
                    "The database cannot take writes right now (\(error.reason)); nothing was written. Retry later.",
                retryAfterSeconds: 5)
        default:
            var metadata: Logger.Metadata = ["error": "\(String(reflecting: error))"]
            if let requestID { metadata["request-id"] = "\(requestID)" }
            logger.error("unhandled error in handler", metadata: metadata)
            let logged = requestID.map { " with request id \($0)" } ?? ""
            return ProblemDetails(
                kind: "internal", title: "Internal Server Error", status: 500,
                detail: "The server failed to handle the request; the failure is logged\(logged).")
        }
    }

    static func from(_ error: APIError) -> ProblemDetails {
        switch error {
        case .malformedJSON(let detail):
            return ProblemDetails(kind: "malformed-json", title: "Malformed JSON", status: 400, detail: detail)
        case .wrongType(let field, let message):
            return ProblemDetails(
                kind: "validation", title: "Validation Failed", status: 422, detail: "\(field): \(message)",
                errors: [FieldProblem(field: field, message: message)])
        case .unsupportedMediaType(let contentType):
            return ProblemDetails(
                kind: "unsupported-media-type", title: "Unsupported Media Type", status: 415,
                detail:
                    "The body must be application/json, not \(contentType ?? "a body without Content-Type")"
                    + " (with curl: -H 'Content-Type: application/json').")
        case .invalidParameter(let field, let message):
            return ProblemDetails(
                kind: "invalid-parameter", title: "Invalid Parameter", status: 400, detail: "\(field): \(message)",
                errors: [FieldProblem(field: field, message: message)])
        case .unauthorized(let reason):
            let detail =
                switch reason {
                case .noCredential: "Send an API token as 'Authorization: Bearer klx_...'."
                case .noCredentialWithHint(let hint): "Send an API token as 'Authorization: Bearer klx_...'; \(hint)"
                case .unreadableAuthorization:
                    "The Authorization header must read 'Bearer <token>' (Opsgenie-style receivers also take "
                        + "'GenieKey <key>'); this one has no token in such a scheme."
                case .noCredentialAtReceiver:
                    "Send an API token as 'Authorization: Bearer klx_...' (scope ingest), or post to this URL "
                        + "followed by '/' and a service's integration key, which both authenticates and routes "
                        + "(for senders that can only be given a URL)."
                case .unknownOrRevoked:
                    "The bearer token is unknown or revoked; an admin makes a new one with "
                        + "'klaxon token create --name NAME --scope SCOPE' or POST /api/v1/tokens."
                }
            return ProblemDetails(kind: "unauthorized", title: "Unauthorized", status: 401, detail: detail)
        case .forbidden(let required, let actual):
            return ProblemDetails(
                kind: "forbidden", title: "Forbidden", status: 403,
                detail: "This operation needs a token of scope '\(required)'; this token has scope '\(actual)'.")
        case .idempotencyKeyReused:
            return ProblemDetails(
                kind: "idempotency-key-reused", title: "Idempotency Key Reused", status: 422,
                detail:
                    "This Idempotency-Key was used with another request body within the last 24 hours; a new request"
                    + " needs a new key.")
        case .idempotencyKeyInProgress:
            return ProblemDetails(
                kind: "conflict", title: "Conflict", status: 409,
                detail: "A request with this Idempotency-Key is still being handled; retry in a moment.",
                retryAfterSeconds: 1)
        case .unknownIntegrationKey:
            return ProblemDetails(
                kind: "unknown-integration-key", title: "Not Found", status: 404,
                detail:
                    "No service has this integration key. Keys are shown only when made: if the service's current key is lost, "
                    + "rotate it (POST /api/v1/services/{id}/rotate-key) and give the sender the new one."
            )
        case .invalidSignature(let expected):
            return ProblemDetails(
                kind: "invalid-signature", title: "Unauthorized", status: 401,
                detail: "\(expected) under this service's signing secrets.")
        case .rateLimited(let retryAfter):
            return ProblemDetails(
                kind: "rate-limited", title: "Too Many Requests", status: 429,
                detail:
                    "This integration key or token is sending faster than the ingestion rate limit; retry in \(retryAfter) s.",
                retryAfterSeconds: retryAfter)
        case .routeNotFound:
            return ProblemDetails(kind: "not-found", title: "Not Found", status: 404, detail: "No such resource.")
        case .streamUnavailable(let retryAfter):
            return ProblemDetails(
                kind: "unavailable", title: "Service Unavailable", status: 503,
                detail:
                    "The live stream takes no more clients right now (shutting down, or at its client limit); retry in \(retryAfter) s.",
                retryAfterSeconds: retryAfter)
        }
    }

    static func from(_ error: IncidentError) -> ProblemDetails {
        switch error {
        case .notFound(let kind, let id):
            return ProblemDetails(
                kind: "not-found", title: "Not Found", status: 404, detail: "\(kind) \(id) not found.")
        case .invalidTransition(let from, let action, let allowed):
            return ProblemDetails(
                kind: "invalid-transition", title: "Invalid Transition", status: 409, detail: error.description,
                extensions: [
                    "current_status": .string(from.rawValue),
                    "action": .string(action.rawValue),
                    "allowed_actions": .array(allowed.map { .string($0.rawValue) }),
                ])
        case .validation(let errors):
            return ProblemDetails(
                kind: "validation", title: "Validation Failed", status: 422,
                detail: errors.map(\.description).joined(separator: "; "),
                errors: errors.map { FieldProblem(field: $0.field, message: $0.message) })
        case .versionMismatch(let expected, let actual):
            return ProblemDetails(
                kind: "precondition-failed", title: "Precondition Failed", status: 412,
                detail: "If-Match asked for version \(expected), but the incident is at version \(actual).",
                extensions: ["current_version": .int(actual)])
        case .conflict(let reason):
            return ProblemDetails(kind: "conflict", title: "Conflict", status: 409, detail: reason)
        case .postmortemRequired(let missing, let incident, let severity):
            let names = missing.map(\.rawValue)
            return ProblemDetails(
                kind: "postmortem-required", title: "Postmortem Required", status: 409,
                detail: "Incident \(incident) has been \(severity.rawValue) (an edit lowering it does not count), so it"
                    + " is closed with its postmortem: write " + names.joined(separator: ", ")
                    + " (PUT /api/v1/incidents/"
                    + "\(incident)/postmortem/sections/\(names.first ?? "root_causes"), and so on), or close with"
                    + " \"force\": true.",
                extensions: ["missing_sections": .array(names.map { .string($0) })])
        }
    }

    /// The problem for an alert receiver that answers in problem+json (Alertmanager, Grafana, generic): as
    /// `from(_:logger:)`, except that a payload that can never succeed is 400 rather than 422 (the table of
    /// issue 5; Alertmanager and Grafana drop 4xx answers and retry only 5xx), and a rate limit is 503 with
    /// `Retry-After` rather than 429 for the same reason.
    static func fromReceiver(_ error: any Error, logger: Logger, requestID: String? = nil) -> ProblemDetails {
        var problem = from(error, logger: logger, requestID: requestID)
        if problem.status == 422 {
            problem.kind = "invalid-alert"
            problem.title = "Invalid Alert"
            problem.status = 400
        }
        if problem.status == 429 {
            // Alertmanager drops a notification answered 429 and retries only 5xx (issue 5's table).
            problem.title = "Service Unavailable"
            problem.status = 503
        }
        return problem
    }
}
