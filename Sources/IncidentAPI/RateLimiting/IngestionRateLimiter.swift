import Foundation
import Synchronization

/// The buckets of every credential that called a receiver recently, behind one lock (each decision is a few
/// arithmetic operations, so the lock is never held for long). Driven by the injected clock's `now`, so tests
/// decide time.
final class IngestionRateLimiter: Sendable {
    let limit: IngestionRateLimit
    private let buckets = Mutex<[String: TokenBucket]>([:])

    /// Buckets kept before full ones are forgotten: credentials are services and tokens, so this is only
    /// reached when many of them send at once; it bounds memory either way.
    static let pruneThreshold = 10_000

    init(limit: IngestionRateLimit) {
        self.limit = limit
    }

    /// Counts one request of `credential`; throws `APIError.rateLimited` with the seconds to wait when its
    /// bucket is empty.
    func admit(_ credential: String, now: Date) throws(APIError) {
        let limit = limit
        let retryAfter = buckets.withLock { buckets -> Int? in
            if buckets.count >= Self.pruneThreshold && buckets[credential] == nil {
                buckets = buckets.filter { !$0.value.isFull(limit: limit, now: now) }
            }
            var bucket = buckets[credential] ?? TokenBucket(limit: limit, now: now)
            let wait = bucket.take(limit: limit, now: now)
            buckets[credential] = bucket
            return wait
        }
        if let retryAfter { throw .rateLimited(retryAfterSeconds: retryAfter) }
    }

    /// Buckets held now (for tests of the memory bound).
    var trackedCredentials: Int { buckets.withLock { $0.count } }
}
