import Foundation
import IncidentDomain
import Logging

/// The escalation engine: a long-lived task that, every `pollInterval`, hands the incidents whose level
/// delay ran out (by the injected clock) to the store, which escalates and pages each in one transaction.
/// Its state lives in the database, so a new engine on the same file picks up exactly where the old one
/// stopped. New incidents, manual escalations and reopenings page at once in their own transactions;
/// the engine only handles timers.
struct EscalationEngine: Sendable {
    let escalations: any EscalationRepository
    let clock: any WallClock
    let logger: Logger

    /// Runs every timer due now, batch after batch; returns how many incidents were handled.
    @discardableResult
    func runOnce() async throws -> Int {
        var total = try await escalations.applyMaintenanceWindows(at: clock.now())
        while true {
            let handled = try await escalations.runDue(at: clock.now())
            total += handled
            if handled == 0 { return total }
        }
    }

    /// Polls until cancelled, checking `heartbeats` first (a missed heartbeat's incident pages at once).
    /// Errors (a busy or full disk) are logged and retried at the next poll.
    func run(pollInterval: Duration, heartbeats: HeartbeatMonitor) async {
        while !Task.isCancelled {
            do {
                let opened = try await heartbeats.runOnce()
                if opened > 0 { logger.info("missed heartbeats opened incidents", metadata: ["count": "\(opened)"]) }
            } catch {
                logger.backgroundFailure("heartbeat check failed", error: error)
            }
            do {
                let handled = try await runOnce()
                if handled > 0 { logger.debug("escalation timers handled", metadata: ["count": "\(handled)"]) }
            } catch {
                logger.backgroundFailure("escalation engine pass failed", error: error)
            }
            try? await Task.sleep(for: pollInterval)
        }
    }
}
