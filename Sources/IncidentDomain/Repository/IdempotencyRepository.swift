import Foundation

/// Storage of `Idempotency-Key` records, so a repeated POST answers the first answer again.
/// Every method is one transaction.
///
/// Flow of a POST with a key: `begin` -> `.proceed` -> handle the request -> `complete` with an answer below
/// 400, or `abandon` (a refused or failed request changed nothing, so a retry may run again). `complete` and
/// `abandon` name the reservation by the time `begin` made it: a request that outlived it (another request
/// with the key took it over) touches nothing. How a pending record is stored is the store's choice (a null
/// response, or a reserved status such as 0 where the column is NOT NULL).
public protocol IdempotencyRepository: Sendable {
    /// Reads the record for (principal, key), decides with `IdempotencyRecord.decide(existing:requestHash:at:)`,
    /// and on `.proceed` writes a pending record (replacing an expired or abandoned one) — all in one
    /// transaction, so two concurrent requests with the same key cannot both proceed.
    func begin(principal: String, key: String, requestHash: [UInt8], at now: Date) async throws -> IdempotencyDecision

    /// Stores the answer of the request that `begin` let proceed.
    func complete(principal: String, key: String, reservedAt: Date, response: StoredResponse) async throws

    /// Removes a pending record whose request failed, so a retry may run.
    func abandon(principal: String, key: String, reservedAt: Date) async throws

    /// Deletes records created before `cutoff` (now minus `IdempotencyRecord.retention`); returns how many.
    func purge(createdBefore cutoff: Date) async throws -> Int
}
