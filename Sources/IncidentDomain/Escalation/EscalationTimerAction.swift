/// What the escalation engine does for an incident whose timer ran out (see `EscalationRules.timer`).
public enum EscalationTimerAction: Hashable, Sendable {
    /// Nothing (not due, or the timer should not be running).
    case none
    /// Escalate the incident exactly as a manual `escalate` would; the plan of that change pages the level.
    case escalate(IncidentChange)
    /// The last level's delay ran out on the last pass: record the event and stop.
    case exhaust(NewTimelineEvent, EscalationState)
    /// The timer was running for an incident that is no longer triggered: stop it.
    case stop(EscalationState)
}
