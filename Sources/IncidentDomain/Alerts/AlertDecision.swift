/// What one alert does to incidents, decided by `AlertGrouping.decide`. The store applies it inside the
/// same write transaction it read the inputs in. Whatever the decision, the store also records the alert
/// itself in its alerts table (first and last seen, times seen); the decision says only what happens to
/// incidents and the timeline.
public enum AlertDecision: Hashable, Sendable {
    /// No incident holds this key (or the last one is closed, or resolved for a sender that opens anew):
    /// create the draft's incident, then record `alert.receivedEvent` on it.
    case open(IncidentDraft)
    /// The key's incident is open. When `newAlert`, record `alert_received` (a new alert joined, or a
    /// resolved one fires again); otherwise it is a re-send and only the alert's last-seen changes.
    /// `raiseSeverity` is set when the alert is more severe than the incident: escalate the severity to it.
    case attach(IncidentID, newAlert: Bool, raiseSeverity: Severity?)
    /// The key's incident resolved within the reopen window and the alert fires again: apply `.reopen`
    /// (by the source's principal) and record `alert_received`; raise the severity to `raiseSeverity` when
    /// set (the alert is more severe than the incident), so the page the reopen sends says how bad it is.
    case reopen(IncidentID, raiseSeverity: Severity?)
    /// An acknowledge event for a triggered incident: apply `.acknowledge` by the source's principal.
    case acknowledge(IncidentID)
    /// One alert of an incident resolved while others still fire: record `alert_received`, keep it open.
    case resolveAlert(IncidentID)
    /// The last firing alert of the incident resolved: record `alert_received` and apply `.resolve`.
    case resolve(IncidentID)
    /// Nothing to do to any incident (answered as success all the same; senders never see conflicts).
    case ignore(AlertIgnoreReason)
}
