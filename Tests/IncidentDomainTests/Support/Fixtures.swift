import Foundation

@testable import IncidentDomain

/// A fixed instant: 2026-11-27T08:30:00Z, so no test reads the clock.
let t0 = Date(timeIntervalSince1970: 1_795_768_200)

/// `t0` plus `minutes`.
func at(minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

let alice = Principal.token("alice")

extension Incident {
    /// An incident in `status`, with the timestamps that status implies, for tests.
    static func make(
        id: IncidentID = 7,
        title: String = "Checkout latency above SLO",
        status: IncidentStatus = .triggered,
        severity: Severity = .sev3,
        service: ServiceRef? = ServiceRef(id: 1, name: "checkout"),
        escalationLevel: Int = 0,
        version: Int = 1
    ) -> Incident {
        var incident = Incident(
            id: id, title: title, summary: "p99 at 2 s", status: status, severity: severity, service: service,
            labels: ["env": "prod"], dedupKey: "checkout-latency", escalationLevel: escalationLevel, createdAt: t0,
            version: version)
        switch status {
        case .triggered: break
        case .acknowledged: incident.acknowledgedAt = at(minutes: 1)
        case .mitigated:
            incident.acknowledgedAt = at(minutes: 1)
            incident.mitigatedAt = at(minutes: 2)
        case .resolved:
            incident.acknowledgedAt = at(minutes: 1)
            incident.resolvedAt = at(minutes: 3)
        case .closed:
            incident.acknowledgedAt = at(minutes: 1)
            incident.resolvedAt = at(minutes: 3)
            incident.closedAt = at(minutes: 4)
        }
        return incident
    }
}

/// The field errors of a thrown `.validation`, or nil when something else (or nothing) was thrown.
func fieldErrors(_ body: () throws -> Void) -> [FieldError]? {
    do {
        try body()
        return nil
    } catch {
        if case .validation(let errors) = error as? IncidentError { return errors }
        return nil
    }
}
