import HTTPCore
import IncidentDomain

/// `/api/v1/tokens`: API tokens, admin scope. A secret is shown once, in the answer that creates it.
struct TokenController: Sendable {
    let tokens: any TokenRepository
    /// Cleared on revocation, so a revoked token stops working at once in this process.
    let cache: TokenCache
    /// For `user`: the person a token belongs to (issue 6).
    let users: any UserRepository

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/tokens", scope: .admin) { _ in try await list() }
        // Any token may read its own metadata (never a secret): the dashboard learns its scope from it.
        router.add(.get, "/api/v1/tokens/current", scope: .read) { request in
            .json { $0.token(request.token) }
        }
        // Its answer holds the secret, which must exist nowhere but in that answer: never replayed.
        router.add(.post, "/api/v1/tokens", scope: .admin, replayable: false) { try await create($0) }
        router.add(.delete, "/api/v1/tokens/:name", scope: .admin) { try await revoke($0) }
    }

    func list() async throws -> HTTPResponse {
        let all = try await tokens.list()
        return .json { writer in writer.list(all, nextCursor: nil) { $0.token($1) } }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let body = try request.decode(NewToken.self, strictKeys: ["name", "scope", "user"])
        let owner = try request.decode(TokenOwnerField.self)
        let user = try await owner.resolve(users)
        let issued = try await TokenIssuer(tokens: tokens).issue(name: body.name, scope: body.scope, at: request.now)
        var token = issued.token
        if let user {
            try await users.assignToken(token.id, to: .id(user.id.rawValue))
            token.user = user.handle
        }
        return .json(.created) { $0.token(token, secret: issued.secret) }
    }

    func revoke(_ request: APIRequest) async throws -> HTTPResponse {
        _ = try await tokens.revoke(name: request.pathParameter("name"), at: request.now, keepingAnAdmin: true)
        cache.removeAll()
        return HTTPResponse(status: .noContent)
    }
}
