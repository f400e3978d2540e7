import Crypto
import Foundation
import HTTPCore
import IncidentDomain
import Logging

/// Builds the HTTPCore router for the API: every operation gets authentication, its scope check,
/// `Idempotency-Key` handling on POST, and error mapping to problem details, in that order.
struct APIRouter {
    typealias Handler = @Sendable (APIRequest) async throws -> HTTPResponse
    /// An answer computed on the event loop without waiting (see `InlineAttemptHandler`), or nil to let the
    /// route's `Handler` answer in a task.
    typealias ImmediateHandler = @Sendable (APIRequest) throws -> HTTPResponse?
    /// Starts a read on the event loop that answers through the responder when it is done, from another thread
    /// (a database reader), without a task; it must not block. Errors it throws are answered as problems.
    typealias HandOffHandler = @Sendable (APIRequest, APIResponder) throws -> Void

    private(set) var router = Router()
    private(set) var routes: [APIRoute] = []
    let authenticator: Authenticator
    let idempotency: any IdempotencyRepository
    let clock: any WallClock
    let logger: Logger

    init(authenticator: Authenticator, idempotency: any IdempotencyRepository, clock: any WallClock, logger: Logger) {
        self.authenticator = authenticator
        self.idempotency = idempotency
        self.clock = clock
        self.logger = logger
    }

    /// Adds an operation that needs a token of at least `scope`. `replayable: false` keeps a POST's answer out
    /// of the idempotency store: answers that carry a secret (a new token) must never be written to disk.
    ///
    /// With `immediate` (reads only), the request is first tried on the event loop: when the token is in the
    /// token cache and `immediate` answers, that is the answer; otherwise (a token to look up, a store that
    /// cannot answer at once) `handler` answers in a task exactly as without it. Errors `immediate` throws
    /// are mapped to problem answers as the task's would be.
    ///
    /// With `handOff` (reads only), a request whose token is in the token cache is handed to `handOff` on the
    /// event loop, which answers later from the thread that did the work; otherwise `handler` answers in a task.
    mutating func add(
        _ method: HTTPMethod, _ pattern: String, scope: TokenScope, maxBodySize: Int? = nil, replayable: Bool = true,
        acceptsQueryToken: Bool = false, noCredentialHint: String? = nil, immediate: ImmediateHandler? = nil,
        handOff: HandOffHandler? = nil, _ handler: @escaping Handler
    ) {
        routes.append(APIRoute(method: method, pattern: pattern, scope: scope))
        let authenticator = authenticator
        let idempotency = idempotency
        let clock = clock
        let logger = logger
        // An operation the document does not describe takes any query (the route table test catches those).
        let queryNames = DocumentedQueryParameters.shared.names(method, pattern)
        let inTask: HTTPHandler = { request in
            do {
                let token = try await authenticator.authenticate(request, acceptingQueryToken: acceptsQueryToken)
                guard token.scope.permits(scope) else {
                    throw APIError.forbidden(required: scope, actual: token.scope)
                }
                if let queryNames { try DocumentedQueryParameters.check(request, allowed: queryNames) }
                let apiRequest = APIRequest(http: request, token: token, now: clock.now())
                if method == .post, replayable, let key = request.headers["idempotency-key"] {
                    return try await Self.idempotent(
                        apiRequest, key: key, repository: idempotency, logger: logger, handler: handler)
                }
                return try await handler(apiRequest)
            } catch APIError.unauthorized(.noCredential) where noCredentialHint != nil {
                return .problem(
                    .from(APIError.unauthorized(.noCredentialWithHint(noCredentialHint ?? "")), logger: logger))
            } catch {
                return .problem(.from(error, logger: logger, requestID: request.requestID))
            }
        }
        if let handOff {
            precondition(method == .get && immediate == nil, "only reads may be handed off, and only one way")
            let attempt: HandOffAttemptHandler = { request, responder in
                guard let token = authenticator.cachedToken(request), token.scope.permits(scope) else { return false }
                let answer = APIResponder(http: responder, logger: logger, requestID: request.requestID)
                do {
                    if let queryNames { try DocumentedQueryParameters.check(request, allowed: queryNames) }
                    try handOff(APIRequest(http: request, token: token, now: clock.now()), answer)
                } catch {
                    answer.fail(error)
                }
                return true
            }
            router.add(method, pattern, maxBodySize: maxBodySize, .handOffFirst(attempt, fallback: inTask))
            return
        }
        guard let immediate else {
            router.add(method, pattern, maxBodySize: maxBodySize, .async(inTask))
            return
        }
        precondition(method == .get, "only reads may be answered on the event loop")
        let attempt: InlineAttemptHandler = { request in
            guard let token = authenticator.cachedToken(request), token.scope.permits(scope) else { return nil }
            let apiRequest = APIRequest(http: request, token: token, now: clock.now())
            do {
                if let queryNames { try DocumentedQueryParameters.check(request, allowed: queryNames) }
                return try immediate(apiRequest)
            } catch {
                return .problem(.from(error, logger: logger, requestID: request.requestID))
            }
        }
        router.add(method, pattern, maxBodySize: maxBodySize, .inlineFirst(attempt, fallback: inTask))
    }

    /// Adds an alert receiver. It authenticates itself, because senders carry credentials their own way (a
    /// bearer token of `scope`, an integration key in the path, PagerDuty's `routing_key` in the body,
    /// Opsgenie's `GenieKey`) and expect errors in their own format; `handler` must answer every error itself.
    /// `scope` is what a bearer token needs here (nil: no token is read at all), and is what the route table
    /// and the OpenAPI document show. `maxBodySize` lets alert storms through on these routes only.
    mutating func addReceiver(
        _ method: HTTPMethod, _ pattern: String, scope: TokenScope?, maxBodySize: Int,
        _ handler: @escaping @Sendable (HTTPRequest, Date) async -> HTTPResponse
    ) {
        routes.append(APIRoute(method: method, pattern: pattern, scope: scope))
        let clock = clock
        router.add(method, pattern, maxBodySize: maxBodySize, .async { request in await handler(request, clock.now()) })
    }

    /// Adds a route that needs no token.
    mutating func addPublic(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        routes.append(APIRoute(method: method, pattern: pattern, scope: nil))
        router.add(method, pattern, .async(handler))
    }

    /// Adds a route that needs no token and never blocks: it runs on the event loop (health checks).
    mutating func addInline(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping InlineHTTPHandler) {
        routes.append(APIRoute(method: method, pattern: pattern, scope: nil))
        router.add(method, pattern, .inline(handler))
    }

    mutating func setFallback(_ handler: RouteHandler) {
        router.fallback = handler
    }

    /// See `Router.unmatchedAnswer`.
    mutating func setUnmatchedAnswer(_ answer: @escaping @Sendable (HTTPRequestHead) -> HTTPResponse?) {
        router.unmatchedAnswer = answer
    }

    /// A POST with `Idempotency-Key`: the first request runs, repeats with the same body within 24 h get the
    /// first answer again (marked `Idempotent-Replayed: true`), the same key with another body is 422.
    /// Only an answer below 400 is kept: a refused request changed nothing, so a retry runs again, and a script
    /// that fixes its body after a 422 may keep its key. Scoped by token and path, so two clients' keys never
    /// collide.
    private static func idempotent(
        _ request: APIRequest, key: String, repository: any IdempotencyRepository, logger: Logger,
        handler: Handler
    ) async throws -> HTTPResponse {
        do {
            try IdempotencyRecord.validateKey(key)
        } catch {
            throw APIError.invalidParameter(
                field: "Idempotency-Key", message: "must be 1 to 255 printable ASCII characters")
        }
        let principal = "\(request.token.name) \(request.http.path)"
        var hasher = SHA256()
        hasher.update(data: Array(request.http.path.utf8))
        hasher.update(data: [0])
        hasher.update(data: request.http.body)
        let requestHash = Array(hasher.finalize())
        switch try await repository.begin(principal: principal, key: key, requestHash: requestHash, at: request.now) {
        case .replay(let stored):
            var headers = HTTPHeaders()
            for (name, value) in stored.headers.sorted(by: { $0.key < $1.key }) {
                headers.add(name: name, value: value)
            }
            headers.add(name: "Idempotent-Replayed", value: "true")
            return HTTPResponse(status: HTTPStatus(code: stored.status), headers: headers, body: .bytes(stored.body))
        case .mismatch:
            throw APIError.idempotencyKeyReused
        case .inProgress:
            throw APIError.idempotencyKeyInProgress
        case .proceed:
            break
        }
        let response: HTTPResponse
        do {
            response = try await handler(request)
        } catch {
            response = .problem(.from(error, logger: logger, requestID: request.http.requestID))
        }
        guard response.status.code < 400, case .bytes(let body) = response.body else {
            try? await repository.abandon(principal: principal, key: key, reservedAt: request.now)
            return response
        }
        var storedHeaders: [String: String] = [:]
        for (name, value) in response.headers {
            storedHeaders[name] = value
        }
        do {
            try await repository.complete(
                principal: principal, key: key, reservedAt: request.now,
                response: StoredResponse(status: response.status.code, headers: storedHeaders, body: body))
        } catch {
            // The incident write itself is durable; only the replay record is missing, so a retry would run again.
            logger.warning("could not store idempotent answer", metadata: ["error": "\(error)"])
        }
        return response
    }
}
