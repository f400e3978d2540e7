import Foundation

/// Ordered levels paged one after the other while an incident stays triggered, then `repeat` more passes
/// over all of them. A service points at one policy; its new incidents follow it.
public struct EscalationPolicy: Hashable, Sendable, Identifiable {
    public var id: EscalationPolicyID
    /// Unique, the rule of service names.
    public var name: String
    public var levels: [EscalationLevel]
    /// Extra passes over all levels after the first (0: each level is paged once).
    public var repeatCount: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: EscalationPolicyID, name: String, levels: [EscalationLevel], repeatCount: Int = 0, createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.levels = levels
        self.repeatCount = repeatCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Where escalation goes after `level` of pass `cycle`: the next level, else level 0 of the next pass
    /// while passes remain, else nil (the policy is exhausted).
    public func position(after level: Int, cycle: Int) -> (level: Int, cycle: Int)? {
        if level + 1 < levels.count { return (level + 1, cycle) }
        if cycle < repeatCount { return (0, cycle + 1) }
        return nil
    }

    /// The delay of `level` in seconds (the last level's when out of range, after an edit of the policy).
    public func delay(of level: Int) -> Double {
        guard !levels.isEmpty else { return 60 }
        return levels[min(max(level, 0), levels.count - 1)].delay
    }
}
