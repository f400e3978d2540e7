import Foundation

/// When a failed delivery is tried again: exponential backoff with jitter, capped, for up to a day from the
/// page; after that the notification is dead. Pure: the worker passes the time and its random jitter in.
public struct DeliveryBackoff: Hashable, Sendable {
    /// The wait after the first failure: a receiver that blinked gets the page within seconds.
    public var initialDelay: TimeInterval = 10
    /// Each failure doubles the wait...
    public var multiplier: Double = 2
    /// ...up to an hour, so a receiver back after a long outage waits at most that long.
    public var maximumDelay: TimeInterval = 3600
    /// How long a page is worth trying, counted from the page: a day, then it is dead.
    public var giveUpAfter: TimeInterval = 24 * 3600
    /// Each wait is scaled by a factor in `1 - jitter ... 1 + jitter`, so pages that failed together (one
    /// receiver down) do not all come back in the same second.
    public var jitter: Double = 0.2

    public init() {}

    /// The wait after `failures` failed attempts (1 after the first), before jitter.
    public func baseDelay(afterFailures failures: Int) -> TimeInterval {
        let exponent = Double(max(failures - 1, 0))
        return min(initialDelay * pow(multiplier, min(exponent, 40)), maximumDelay)
    }

    /// When to try again after `failures` failed attempts of a page made at `createdAt`, the last one ending
    /// at `now`; nil when the next try would come after `giveUpAfter` (the notification is dead).
    /// `random` is uniform in 0...1 (0.5 means no jitter).
    public func nextAttempt(afterFailures failures: Int, createdAt: Date, now: Date, random: Double) -> Date? {
        let factor = 1 + jitter * (2 * min(max(random, 0), 1) - 1)
        let next = now.addingTimeInterval(baseDelay(afterFailures: failures) * factor)
        return next.timeIntervalSince(createdAt) > giveUpAfter ? nil : next
    }
}
