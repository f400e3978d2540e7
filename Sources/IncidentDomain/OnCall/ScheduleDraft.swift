/// A validated schedule body; made only by `NewSchedule.validate()`.
public struct ScheduleDraft: Hashable, Sendable {
    public internal(set) var name: String
    public internal(set) var rotations: [Rotation]
    public internal(set) var overrides: [ScheduleOverride]

    /// The schedule's field errors for handles that name no user (`known` holds every existing handle).
    public func unknownUsers(known: Set<String>) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, rotation) in rotations.enumerated() {
            for (position, handle) in rotation.users.enumerated() where !known.contains(handle) {
                errors.append(FieldError(field: "rotations.\(index).users.\(position)", message: "no user \(handle)"))
            }
        }
        for (index, override) in overrides.enumerated() where !known.contains(override.user) {
            errors.append(FieldError(field: "overrides.\(index).user", message: "no user \(override.user)"))
        }
        return errors
    }
}
