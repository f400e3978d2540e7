import Foundation
import IncidentDomain

/// Issues API tokens: validates the name and scope, generates the secret, stores only its hash.
/// Shared by `POST /api/v1/tokens` and `klaxon token create`, so both follow the same rules.
public struct TokenIssuer: Sendable {
    let tokens: any TokenRepository

    public init(tokens: any TokenRepository) {
        self.tokens = tokens
    }

    /// The stored token and its secret, which exists nowhere else from now on.
    public func issue(name: String?, scope: String?, at now: Date) async throws -> (token: APIToken, secret: String) {
        let draft = try NewToken(name: name, scope: scope).validate()
        let secret = TokenSecret.generate()
        let token = try await tokens.create(draft, secretHash: secret.hash, at: now)
        return (token, secret.value)
    }
}
