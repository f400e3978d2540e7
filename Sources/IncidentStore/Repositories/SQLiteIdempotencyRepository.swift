import Foundation
import IncidentDomain
import SQLiteCore

/// `IdempotencyRepository` on SQLite. A pending record has NULL response columns; `begin` decides with
/// `IdempotencyRecord.decide` and reserves the key in the same write transaction, so two concurrent
/// requests with one key cannot both proceed.
public struct SQLiteIdempotencyRepository: IdempotencyRepository {
    let pool: DatabasePool

    /// A repository over an open, migrated pool (see ``KlaxonStore``).
    public init(pool: DatabasePool) {
        self.pool = pool
    }

    public func begin(principal: String, key: String, requestHash: [UInt8], at now: Date) async throws
        -> IdempotencyDecision
    {
        try await pool.repositoryWrite { db in
            let existing = try Self.record(principal: principal, key: key, in: db)
            let decision = IdempotencyRecord.decide(existing: existing, requestHash: requestHash, at: now)
            if decision == .proceed {
                try db.execute(
                    """
                    INSERT OR REPLACE INTO idempotency_keys
                        (actor, key, request_hash, response_status, response_headers, response_body, created_at)
                    VALUES (?, ?, ?, NULL, NULL, NULL, ?)
                    """,
                    [principal, key, requestHash, Timestamp.milliseconds(now)])
            }
            return decision
        }
    }

    static func record(principal: String, key: String, in db: Connection) throws -> IdempotencyRecord? {
        try db.queryFirst(
            """
            SELECT request_hash, created_at, response_status, response_headers, response_body
            FROM idempotency_keys WHERE actor = ? AND key = ?
            """,
            [principal, key]
        ) { row in
            var response: StoredResponse?
            if let status = try row.column(2, as: Int?.self) {
                response = StoredResponse(
                    status: status,
                    headers: try JSONText.decodeLabels(try row.column(3, as: String.self)),
                    body: try row.column(4, as: [UInt8].self))
            }
            return IdempotencyRecord(
                principal: principal, key: key, requestHash: try row.column(0, as: [UInt8].self),
                createdAt: Timestamp.date(milliseconds: try row.column(1, as: Int64.self)), response: response)
        }
    }

    public func complete(principal: String, key: String, reservedAt: Date, response: StoredResponse) async throws {
        try await pool.repositoryWrite { db in
            try db.execute(
                """
                UPDATE idempotency_keys SET response_status = ?, response_headers = ?, response_body = ?
                WHERE actor = ? AND key = ? AND created_at = ? AND response_status IS NULL
                """,
                [
                    response.status, JSONText.encode(response.headers), response.body, principal, key,
                    Timestamp.milliseconds(reservedAt),
                ])
        }
    }

    public func abandon(principal: String, key: String, reservedAt: Date) async throws {
        try await pool.repositoryWrite { db in
            try db.execute(
                "DELETE FROM idempotency_keys WHERE actor = ? AND key = ? AND created_at = ? AND response_status IS NULL",
                [principal, key, Timestamp.milliseconds(reservedAt)])
        }
    }

    public func purge(createdBefore cutoff: Date) async throws -> Int {
        try await pool.repositoryWrite { db in
            try db.execute("DELETE FROM idempotency_keys WHERE created_at < ?", [Timestamp.milliseconds(cutoff)])
            return db.changedRowCount
        }
    }
}
