import Foundation

/// A validated new token; the store adds the id and keeps the secret's hash.
/// Its memberwise initializer is internal: only validation (and tests) make drafts, so a draft is
/// always valid.
public struct TokenDraft: Hashable, Sendable {
    public internal(set) var name: String
    public internal(set) var scope: TokenScope

    /// The token the store inserts, once it has an id.
    public func makeToken(id: TokenID, at now: Date) -> APIToken {
        APIToken(id: id, name: name, scope: scope, createdAt: now)
    }
}
