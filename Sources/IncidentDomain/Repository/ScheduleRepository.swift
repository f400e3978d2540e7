import Foundation

/// Storage of on-call schedules; one transaction per method. Every handle must name a user (a validation
/// error naming the field otherwise); a taken name is `conflict`.
public protocol ScheduleRepository: Sendable {
    func create(_ draft: ScheduleDraft, at now: Date) async throws -> Schedule
    func schedule(_ reference: OnCallReference) async throws -> Schedule
    /// Every schedule, by name.
    func list() async throws -> [Schedule]
    /// Replaces rotations and overrides (the name cannot change).
    func replace(_ reference: OnCallReference, with draft: ScheduleDraft, at now: Date) async throws -> Schedule
    /// Adds one override (its user must exist: a validation error on `user` otherwise); overrides that ended
    /// before `now` are dropped at the same time, so the list stays within its limit.
    func addOverride(_ override: ScheduleOverride, to reference: OnCallReference, at now: Date) async throws
        -> Schedule
    /// Deletes a schedule no escalation policy names (`conflict` otherwise).
    func delete(_ reference: OnCallReference) async throws
}
