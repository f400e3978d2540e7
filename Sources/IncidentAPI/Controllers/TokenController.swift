import HTTPCore
import IncidentDomain

/// `/api/v1/tokens`: API tokens, admin scope. A secret is shown once, in the answer that creates it.
struct TokenController: Sendable {
    let tokens: any TokenRepository
    /// Cleared on revocation, so a revoked token stops working at once in this process.
    let cache: TokenCache

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/tokens", scope: .admin) { _ in try await list() }
        // Its answer holds the secret, which must exist nowhere but in that answer: never replayed.
        router.add(.post, "/api/v1/tokens", scope: .admin, replayable: false) { try await create($0) }
        router.add(.delete, "/api/v1/tokens/:name", scope: .admin) { try await revoke($0) }
    }

    func list() async throws -> HTTPResponse {
        let all = try await tokens.list()
        return .json { writer in writer.list(all, nextCursor: nil) { $0.token($1) } }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let body = try request.decode(NewToken.self)
        let issued = try await TokenIssuer(tokens: tokens).issue(name: body.name, scope: body.scope, at: request.now)
        return .json(.created) { $0.token(issued.token, secret: issued.secret) }
    }

    func revoke(_ request: APIRequest) async throws -> HTTPResponse {
        _ = try await tokens.revoke(name: request.pathParameter("name"), at: request.now)
        cache.removeAll()
        return HTTPResponse(status: .noContent)
    }
}
