import Foundation

/// Storage of API tokens. Only a hash of each secret is stored; the domain never sees secrets.
/// `secretHash` is the 32-byte SHA-256 digest of the full secret (`klx_...`), computed by the caller.
/// Every method is one transaction.
public protocol TokenRepository: Sendable {
    /// Inserts a token (`draft.makeToken(id:at:)`); `IncidentError.conflict` when a token of that name
    /// exists, revoked or not (names stay unique so the timeline stays unambiguous).
    func create(_ draft: TokenDraft, secretHash: [UInt8], at now: Date) async throws -> APIToken

    /// The token whose secret has this hash, revoked ones included (the caller answers 401 for those),
    /// or nil. The store looks it up by an index on the hash; the caller has already hashed in constant time.
    func token(secretHash: [UInt8]) async throws -> APIToken?

    /// Every token, revoked included, by name; never secrets.
    func list() async throws -> [APIToken]

    /// The number of tokens, revoked included (first start creates an admin token when it is 0).
    func count() async throws -> Int

    /// Marks the active token with this name revoked at `now`: `notFound(.token, name)` when no token has this
    /// name, `conflict` when it is revoked already, and with `keepingAnAdmin` also `conflict` when it is the
    /// last active admin token (the API must not lock every admin out). Returns the revoked token.
    func revoke(name: String, at now: Date, keepingAnAdmin: Bool) async throws -> APIToken

    /// Records a use (`lastUsedAt = now`); callers write only when `APIToken.needsTouch(at:)`.
    func touch(_ id: TokenID, at now: Date) async throws
}
