import Foundation

/// The escalation engine's storage: due timers, escalation state and the notification outbox.
public protocol EscalationRepository: Sendable {
    /// Handles every incident whose timer ran out at `now` (`EscalationRules.timer`), each in its own
    /// transaction together with its page and outbox rows; returns how many incidents it handled.
    func runDue(at now: Date) async throws -> Int
    /// Holds running escalations that an active maintenance window covers at `now` (timer stopped, nobody
    /// paged) and releases held ones no window covers any more (paging their level again if still
    /// triggered); each incident in its own transaction. Returns how many incidents it changed.
    func applyMaintenanceWindows(at now: Date) async throws -> Int
    /// When the next timer runs out, or nil when none runs.
    func nextDue() async throws -> Date?
    /// The incident's escalation state, or nil when it follows no policy.
    func state(of incident: IncidentID) async throws -> EscalationState?
    /// The incident's outbox messages, oldest first (`notFound` when the incident does not exist).
    func outbox(of incident: IncidentID) async throws -> [OutboxMessage]
    /// The newest outbox messages of every incident, newest first, at most `limit`.
    func outbox(limit: Int) async throws -> [OutboxMessage]
}
