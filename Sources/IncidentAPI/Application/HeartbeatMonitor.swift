import Foundation
import IncidentDomain
import Logging

/// Opens an incident for every heartbeat whose ping is overdue (by the injected clock); pings resolve them.
/// Runs in the same background loop as the escalation engine.
struct HeartbeatMonitor: Sendable {
    let heartbeats: any HeartbeatRepository
    let clock: any WallClock

    /// Checks every overdue heartbeat now; returns how many incidents it opened.
    @discardableResult
    func runOnce() async throws -> Int {
        var total = 0
        while true {
            let opened = try await heartbeats.runDue(at: clock.now())
            total += opened
            if opened == 0 { return total }
        }
    }
}
