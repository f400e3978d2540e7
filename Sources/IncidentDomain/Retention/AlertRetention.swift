import Foundation

/// How long alerts' raw data is kept: resolved alerts of incidents no longer open are deleted, and the raw
/// payloads (labels, annotations, links, sender details) of closed incidents' alerts are cleared, once they
/// are older than `days`. Incidents and their timelines are always kept.
public struct AlertRetention: Sendable, Equatable {
    public let days: Int

    /// Nil for fewer than one day: zero turns pruning off rather than deleting everything at once.
    public init?(days: Int) {
        guard days >= 1 else { return nil }
        self.days = days
    }

    /// The moment before which data is pruned, `days` whole days before `now`.
    public func cutoff(now: Date) -> Date {
        now.addingTimeInterval(-Double(days) * 86_400)
    }
}
