import Foundation

/// A validated new token; the store adds the id and keeps the secret's hash.
public struct TokenDraft: Hashable, Sendable {
    public var name: String
    public var scope: TokenScope

    /// Only `NewToken.validate()` (and tests inside the module) make drafts, so a draft is always valid.
    init(name: String, scope: TokenScope) {
        self.name = name
        self.scope = scope
    }

    /// The token the store inserts, once it has an id.
    public func makeToken(id: TokenID, at now: Date) -> APIToken {
        APIToken(id: id, name: name, scope: scope, createdAt: now)
    }
}
