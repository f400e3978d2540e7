import Foundation

extension Incident {
    /// What an alert decision does to this incident (the one the decision names), as a change the store
    /// writes in the same transaction it decided in. Events come in the order they happened: the alert's
    /// `alert_received` first, then the lifecycle event it caused.
    ///
    /// | decision | incident | events |
    /// |---|---|---|
    /// | `attach`, re-send, no raise | unchanged | none (empty change: the store writes nothing) |
    /// | `attach`, new alert | unchanged (timeline only, like a note: no new version) | `alert_received` |
    /// | `attach` with `raiseSeverity` | severity raised, version + 1 | (`alert_received`,) `field_changed` |
    /// | `reopen` | `.reopen` by the source; with `raiseSeverity`, severity raised | `alert_received`, `reopened` ("Alert fired again: ..."), (`field_changed`) |
    /// | `acknowledge` | `.acknowledge` by the source | `alert_received`, `acknowledged` |
    /// | `resolveAlert` | unchanged | `alert_received` |
    /// | `resolve` | `.resolve` by the source | `alert_received`, `resolved` ("All alerts resolved") |
    /// | `open`, `ignore` | unchanged | none (`open`: an incident created from the draft, then the alert's event) |
    ///
    /// With `receivedEventDataStoredApart`, the `alert_received` event comes without its `data`
    /// (`alert.receivedEventWithoutData(at:)`): for a store that encoded `alert.receivedEventData` before its
    /// transaction and writes that text with the event.
    ///
    /// - Throws: `.invalidTransition` when the incident is no longer in the state the decision was taken
    ///   in (decide and apply in one transaction and this cannot happen).
    public func applying(
        _ decision: AlertDecision, for alert: NormalizedAlert, at now: Date,
        receivedEventDataStoredApart: Bool = false
    ) throws(IncidentError) -> IncidentChange {
        // Built only for the decisions that record it: a re-send (most of a resend storm) needs none.
        var received: NewTimelineEvent {
            receivedEventDataStoredApart ? alert.receivedEventWithoutData(at: now) : alert.receivedEvent(at: now)
        }
        let actor = alert.source.principal
        switch decision {
        case .open, .ignore:
            return IncidentChange(incident: self, events: [])
        case .attach(_, let newAlert, let raiseSeverity):
            var change = IncidentChange(incident: self, events: newAlert ? [received] : [])
            raise(&change, to: raiseSeverity, for: alert, by: actor, at: now)
            return change
        case .resolveAlert:
            return IncidentChange(incident: self, events: [received])
        case .reopen(_, let raiseSeverity):
            var change = try lifecycle(.reopen, note: "Alert fired again: \(alert.alertTitle)", received, actor, now)
            raise(&change, to: raiseSeverity, for: alert, by: actor, at: now)
            return change
        case .acknowledge:
            return try lifecycle(.acknowledge, note: nil, received, actor, now)
        case .resolve:
            return try lifecycle(.resolve, note: "All alerts resolved", received, actor, now)
        }
    }

    /// Raises the changed incident's severity to `severity` when that is more severe, with its `field_changed`
    /// event; the version moves once per change (a reopen in the same change has already moved it).
    private func raise(
        _ change: inout IncidentChange, to severity: Severity?, for alert: NormalizedAlert, by actor: Principal,
        at now: Date
    ) {
        let current = change.incident.severity
        guard let severity, severity.isMoreSevere(than: current) else { return }
        if change.incident.version == version { change.incident.version += 1 }
        change.incident.severity = severity
        change.incident.updatedAt = now
        change.events.append(
            NewTimelineEvent(
                at: now, kind: .fieldChanged, actor: actor,
                message: "Changed severity from \(current) to \(severity): \(alert.alertTitle)",
                data: ["field": "severity", "old": .string(current.rawValue), "new": .string(severity.rawValue)]))
    }

    private func lifecycle(
        _ action: IncidentAction, note: String?, _ received: NewTimelineEvent, _ actor: Principal, _ now: Date
    ) throws(IncidentError) -> IncidentChange {
        var change = try applying(action, at: now, by: actor, note: note)
        change.events.insert(received, at: 0)
        return change
    }
}
