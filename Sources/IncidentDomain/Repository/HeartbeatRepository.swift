import Foundation

/// Storage of heartbeats; one transaction per method. A taken name is `conflict`, an unknown service a
/// validation error on `service`.
public protocol HeartbeatRepository: Sendable {
    /// Inserts a heartbeat, due `interval + grace` after `now`.
    func create(_ draft: HeartbeatDraft, at now: Date) async throws -> Heartbeat
    func heartbeat(_ reference: OnCallReference) async throws -> Heartbeat
    /// Every heartbeat, by name.
    func list() async throws -> [Heartbeat]
    /// Replaces service, interval and grace (the name cannot change); due again from the last ping (or now).
    func replace(_ reference: OnCallReference, with draft: HeartbeatDraft, at now: Date) async throws -> Heartbeat
    /// An incident it has open stays open, with a timeline note that it no longer resolves itself.
    func delete(_ reference: OnCallReference, by actor: Principal, at now: Date) async throws
    /// Records a ping; when the heartbeat was missed, resolves its incident in the same transaction.
    func ping(_ reference: OnCallReference, at now: Date) async throws -> Heartbeat
    /// Opens an incident (deduplicated) for every heartbeat due at `now` that has none; returns how many.
    func runDue(at now: Date) async throws -> Int
}
