import Foundation

/// One `Idempotency-Key` a principal used: the hash of the request it came with and, once answered, the
/// answer. Keys are scoped per principal (two tokens may use the same key independently).
public struct IdempotencyRecord: Hashable, Sendable {
    /// Who used the key, e.g. `Principal.description` (`token:ci-bot`).
    public var principal: String
    public var key: String
    /// SHA-256 digest (32 bytes) of method, path and body, computed by the caller.
    public var requestHash: [UInt8]
    public var createdAt: Date
    /// The answer; nil while the first request is still being handled.
    public var response: StoredResponse?

    /// How long a key is remembered: 24 hours, as the API promises.
    public static let retention: TimeInterval = 24 * 60 * 60
    /// A key still without an answer after this long belongs to a request that died (crash, timeout)
    /// and may be taken over; longer than any request may run.
    public static let abandonedAfter: TimeInterval = 60
    /// Keys are 1...255 visible ASCII characters (as in the IETF Idempotency-Key draft examples, UUIDs).
    public static let keyLength = 1...255

    public init(principal: String, key: String, requestHash: [UInt8], createdAt: Date, response: StoredResponse? = nil)
    {
        self.principal = principal
        self.key = key
        self.requestHash = requestHash
        self.createdAt = createdAt
        self.response = response
    }

    /// Checks an `Idempotency-Key` header value; the field error names the header.
    public static func validateKey(_ key: String) throws(IncidentError) {
        let count = key.unicodeScalars.count
        guard keyLength.contains(count), key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E })
        else {
            throw .validation([
                FieldError(
                    field: "Idempotency-Key",
                    message: "must be \(keyLength.lowerBound) to \(keyLength.upperBound) visible ASCII characters")
            ])
        }
    }

    /// True when the record no longer counts at `now` (older than `retention`).
    public func isExpired(at now: Date) -> Bool {
        now.timeIntervalSince(createdAt) >= IdempotencyRecord.retention
    }

    /// What to do with a request carrying a key, given what is stored for (principal, key). The store
    /// calls this inside `IdempotencyRepository.begin`'s transaction.
    public static func decide(existing: IdempotencyRecord?, requestHash: [UInt8], at now: Date) -> IdempotencyDecision {
        guard let existing, !existing.isExpired(at: now) else { return .proceed }
        guard existing.requestHash == requestHash else { return .mismatch }
        if let response = existing.response { return .replay(response) }
        if now.timeIntervalSince(existing.createdAt) >= abandonedAfter { return .proceed }
        return .inProgress
    }
}
