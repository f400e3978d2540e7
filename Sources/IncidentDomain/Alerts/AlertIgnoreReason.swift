/// Why an alert changed no incident; logged and counted, never an error for the sender.
public enum AlertIgnoreReason: String, Hashable, Sendable, CustomStringConvertible {
    /// Acknowledge or resolve for a key without an open incident (PagerDuty drops these too).
    case noOpenIncident = "no_open_incident"
    /// Acknowledge for an incident already acknowledged or mitigated.
    case alreadyAcknowledged = "already_acknowledged"
    /// Resolve for an alert the incident does not have firing, while other alerts of it still fire.
    case alertNotFiring = "alert_not_firing"
    /// A re-send of an alert that was still firing when someone resolved its incident by hand: the person's
    /// decision stands until the alert resolves at its source and fires again, or becomes more severe, or
    /// for at most `AlertGrouping.Configuration.manualResolveHold`.
    case stillFiringAfterManualResolve = "still_firing_after_manual_resolve"

    public var description: String { rawValue }
}
