import Foundation

/// An on-call schedule: rotations (everyone on shift in any of them is on call) and overrides on top.
public struct Schedule: Hashable, Sendable, Identifiable {
    public var id: ScheduleID
    /// Unique, the rule of service names; how policies name the schedule; never changes.
    public var name: String
    public var rotations: [Rotation]
    public var overrides: [ScheduleOverride]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ScheduleID, name: String, rotations: [Rotation], overrides: [ScheduleOverride] = [], createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.rotations = rotations
        self.overrides = overrides
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Every handle the schedule names (rotations and overrides), each once, in first-seen order.
    public var userHandles: [String] {
        var seen = Set<String>()
        var result: [String] = []
        for handle in rotations.flatMap(\.users) + overrides.map(\.user) where seen.insert(handle).inserted {
            result.append(handle)
        }
        return result
    }
}
