import Foundation

/// An API token as stored and listed: never its secret (only the store holds its SHA-256 hash).
public struct APIToken: Hashable, Sendable, Codable, Identifiable {
    public var id: TokenID
    /// Unique among tokens; the actor name on the timeline.
    public var name: String
    public var scope: TokenScope
    public var createdAt: Date
    /// Last authenticated use, at `lastUsedGranularity` precision; nil if never used.
    public var lastUsedAt: Date?
    /// When it was revoked; a revoked token authenticates nothing.
    public var revokedAt: Date?
    /// The handle of the user the token belongs to, if any (issue 6): the timeline then names the person.
    public var user: String?

    /// The prefix of every secret Klaxon issues, so leaked tokens are easy to scan for.
    public static let secretPrefix = "klx_"
    /// The minimum length of a secret supplied from outside (`KLAXON_ADMIN_TOKEN`).
    public static let minimumSecretLength = 32
    /// `lastUsedAt` is refreshed at most this often (seconds), so reads do not become writes.
    public static let lastUsedGranularity: TimeInterval = 60

    public init(
        id: TokenID, name: String, scope: TokenScope, createdAt: Date, lastUsedAt: Date? = nil,
        revokedAt: Date? = nil, user: String? = nil
    ) {
        self.id = id
        self.name = name
        self.scope = scope
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
        self.user = user
    }

    /// True until revoked.
    public var isActive: Bool { revokedAt == nil }

    /// The timeline actor for this token: its user when it belongs to one, else the token itself.
    public var actor: Principal { user.map { Principal(kind: .user, name: $0) } ?? .token(name) }

    /// True when a use at `now` should be written back as `lastUsedAt` (never used, or last written at
    /// least `lastUsedGranularity` ago).
    public func needsTouch(at now: Date) -> Bool {
        guard let lastUsedAt else { return true }
        return now.timeIntervalSince(lastUsedAt) >= APIToken.lastUsedGranularity
    }

    enum CodingKeys: String, CodingKey {
        case id, name, scope
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case revokedAt = "revoked_at"
        case user
    }
}
