import Foundation
import IncidentDomain
import SQLiteCore

/// `TokenRepository` on SQLite: only the SHA-256 of each secret is stored, looked up by its unique index.
public struct SQLiteTokenRepository: TokenRepository {
    let pool: DatabasePool

    /// A repository over an open, migrated pool (see ``KlaxonStore``).
    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// With the handle of the token's user (issue 6), from `users`.
    static let columns = """
        id, name, scope, created_at, last_used_at, revoked_at, \
        (SELECT handle FROM users WHERE users.id = api_tokens.user_id)
        """

    static func read(_ row: Statement) throws -> APIToken {
        let scope = try TokenScope(stored: row.column(2, as: String.self), column: "api_tokens.scope")
        return APIToken(
            id: TokenID(try row.column(0, as: Int64.self)),
            name: try row.column(1, as: String.self),
            scope: scope,
            createdAt: Timestamp.date(milliseconds: try row.column(3, as: Int64.self)),
            lastUsedAt: try row.column(4, as: Int64?.self).map { Timestamp.date(milliseconds: $0) },
            revokedAt: try row.column(5, as: Int64?.self).map { Timestamp.date(milliseconds: $0) },
            user: try row.column(6, as: String?.self))
    }

    public func create(_ draft: TokenDraft, secretHash: [UInt8], at now: Date) async throws -> APIToken {
        try await pool.repositoryWrite { db in
            let nextID = try db.queryValue("SELECT coalesce(max(id), 0) + 1 FROM api_tokens", as: Int64.self) ?? 1
            var token = draft.makeToken(id: TokenID(nextID), at: now)
            token.createdAt = Timestamp.truncated(token.createdAt)
            do {
                try db.execute(
                    "INSERT INTO api_tokens (id, name, scope, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    [
                        token.id.rawValue, token.name, token.scope.rawValue, secretHash,
                        Timestamp.milliseconds(token.createdAt),
                    ])
            } catch let error as SQLiteError where error.isUniqueConstraint {
                if error.message.contains("secret_hash") {
                    throw IncidentError.conflict("another token already has this secret")
                }
                throw IncidentError.conflict("a token named \(token.name) already exists")
            }
            return token
        }
    }

    public func token(secretHash: [UInt8]) async throws -> APIToken? {
        try await pool.repositoryRead { db in
            try db.queryFirst(
                "SELECT \(Self.columns) FROM api_tokens WHERE secret_hash = ?", [secretHash], row: Self.read)
        }
    }

    public func list() async throws -> [APIToken] {
        try await pool.repositoryRead { db in
            try db.query("SELECT \(Self.columns) FROM api_tokens ORDER BY name", row: Self.read)
        }
    }

    public func count() async throws -> Int {
        try await pool.repositoryRead { db in
            try db.queryValue("SELECT count(*) FROM api_tokens", as: Int.self) ?? 0
        }
    }

    public func revoke(name: String, at now: Date, keepingAnAdmin: Bool) async throws -> APIToken {
        try await pool.repositoryWrite { db in
            guard
                let token = try db.queryFirst(
                    "SELECT \(Self.columns) FROM api_tokens WHERE name = ?", [name], row: Self.read)
            else {
                throw IncidentError.notFound(.token, id: name)
            }
            if let revokedAt = token.revokedAt {
                throw IncidentError.conflict("token '\(name)' was revoked already, at \(Timestamp.format(revokedAt))")
            }
            if keepingAnAdmin, token.scope == .admin {
                let otherAdmins =
                    try db.queryValue(
                        "SELECT count(*) FROM api_tokens WHERE scope = 'admin' AND revoked_at IS NULL AND name <> ?",
                        [name], as: Int.self) ?? 0
                guard otherAdmins > 0 else {
                    throw IncidentError.conflict(
                        "token '\(name)' is the last admin token: create another admin token first "
                            + "(or revoke it on the server with 'klaxon token revoke')")
                }
            }
            try db.execute(
                "UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                [Timestamp.milliseconds(now), name])
            var revoked = token
            revoked.revokedAt = now
            return revoked
        }
    }

    public func touch(_ id: TokenID, at now: Date) async throws {
        try await pool.repositoryWrite { db in
            try db.execute(
                "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [Timestamp.milliseconds(now), id.rawValue])
        }
    }
}
