import Foundation

/// How alerts become incidents: a pure decision per alert, taken inside the store's write transaction.
///
/// One incident per (service, dedup key) at a time. For each alert the caller passes the key's incident on
/// the service — the open one if there is one, else the most recently resolved or closed one, else nil —
/// and the alert keys currently firing on it (tracked per alert, from the alerts table).
///
/// | action | incident | decision |
/// |---|---|---|
/// | trigger | none, or closed | open a new incident (closed is final; a firing alert is never dropped) |
/// | trigger | open | attach; `newAlert` unless the alert key is already firing (a re-send); raise severity |
/// | trigger | resolved by hand while this alert key still fired, within the hold, not more severe | ignore |
/// | trigger | resolved, source reopens (Alertmanager, Grafana, generic), within the window | reopen; raise severity |
/// | trigger | resolved, otherwise (PagerDuty, Opsgenie, or window passed) | open a new incident |
/// | acknowledge | triggered | acknowledge |
/// | acknowledge | acknowledged or mitigated | ignore |
/// | acknowledge/resolve | none, resolved or closed | ignore |
/// | resolve | open, no other alert key firing | resolve |
/// | resolve | open, other alert keys still firing | resolve the alert only (or ignore if it was not firing) |
public struct AlertGrouping: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The decision for `alert` (see the table above).
    ///
    /// - Parameters:
    ///   - service: where a new incident goes (the integration key's service, or `alert.routedService`).
    ///   - existing: the key's incident on that service, as described on the type.
    ///   - firingAlertKeys: alert keys of `existing` that are firing before this alert.
    ///   - storedSeverity: for an alert whose key is still firing on a resolved incident, the severity it had
    ///     when last stored. A re-send counts as worse only when it is more severe than that too: a person who
    ///     lowered the incident's severity by hand before resolving it must not be paged by an unchanged re-send.
    ///   - now: the time of arrival.
    public func decide(
        _ alert: NormalizedAlert, service: ServiceReference, existing: Incident?, firingAlertKeys: Set<String>,
        storedSeverity: Severity? = nil, now: Date
    ) -> AlertDecision {
        switch alert.action {
        case .trigger:
            guard let existing else { return .open(alert.draft(service: service)) }
            switch existing.status {
            case .triggered, .acknowledged, .mitigated:
                let raise = alert.severity.isMoreSevere(than: existing.severity) ? alert.severity : nil
                return .attach(existing.id, newAlert: !firingAlertKeys.contains(alert.alertKey), raiseSeverity: raise)
            case .resolved:
                guard alert.source.reopensResolvedIncidents, let resolvedAt = existing.resolvedAt else {
                    return .open(alert.draft(service: service))
                }
                let raise = alert.severity.isMoreSevere(than: existing.severity) ? alert.severity : nil
                let sinceResolve = now.timeIntervalSince(resolvedAt)
                // A person resolved it while this alert still fired: their decision holds for a while against
                // the sender's re-sends, but not against a worse alert, nor for ever (a sender that never
                // sends a resolve would otherwise be muted for good).
                let worseThanStored = storedSeverity.map { alert.severity.isMoreSevere(than: $0) } ?? true
                if firingAlertKeys.contains(alert.alertKey), raise == nil || !worseThanStored,
                    sinceResolve <= configuration.manualResolveHold
                {
                    return .ignore(.stillFiringAfterManualResolve)
                }
                let window = configuration.reopenWindow
                if window > 0, sinceResolve <= window { return .reopen(existing.id, raiseSeverity: raise) }
                return .open(alert.draft(service: service))
            case .closed:
                return .open(alert.draft(service: service))
            }
        case .acknowledge:
            guard let existing, existing.status.isOpen else { return .ignore(.noOpenIncident) }
            return existing.status == .triggered ? .acknowledge(existing.id) : .ignore(.alreadyAcknowledged)
        case .resolve:
            guard let existing, existing.status.isOpen else { return .ignore(.noOpenIncident) }
            let others = firingAlertKeys.subtracting([alert.alertKey])
            if others.isEmpty { return .resolve(existing.id) }
            return firingAlertKeys.contains(alert.alertKey) ? .resolveAlert(existing.id) : .ignore(.alertNotFiring)
        }
    }
}
