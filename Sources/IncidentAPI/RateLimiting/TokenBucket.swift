import Foundation

/// One credential's allowance: `tokens` requests may be sent now; it refills continuously at the limit's rate
/// up to its burst. A value, so the limiter can keep thousands of them in one dictionary.
struct TokenBucket: Sendable, Equatable {
    private(set) var tokens: Double
    private(set) var updatedAt: Date

    /// A full bucket: a credential that was quiet may send its whole burst.
    init(limit: IngestionRateLimit, now: Date) {
        tokens = Double(limit.burst)
        updatedAt = now
    }

    /// Takes one request's token: nil when admitted, else the whole seconds until one is available (at least 1,
    /// the `Retry-After` value).
    mutating func take(limit: IngestionRateLimit, now: Date) -> Int? {
        refill(limit: limit, now: now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        let wait = (1 - tokens) / limit.requestsPerSecond
        return max(1, Int(wait.rounded(.up)))
    }

    /// Whether the bucket has refilled completely: such a bucket says nothing a new one would not, so the
    /// limiter may forget it.
    func isFull(limit: IngestionRateLimit, now: Date) -> Bool {
        var copy = self
        copy.refill(limit: limit, now: now)
        return copy.tokens >= Double(limit.burst)
    }

    private mutating func refill(limit: IngestionRateLimit, now: Date) {
        let elapsed = now.timeIntervalSince(updatedAt)
        if elapsed > 0 {
            tokens = min(Double(limit.burst), tokens + elapsed * limit.requestsPerSecond)
        }
        // A clock that stepped back must not mint tokens later: count from the newer instant only.
        updatedAt = max(updatedAt, now)
    }
}
