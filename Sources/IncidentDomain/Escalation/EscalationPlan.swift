/// What the store does, in the transaction of an incident change, for its escalation: write the (possibly
/// adjusted) change, store `state`, and page `page` (resolving its targets and queueing outbox rows).
public struct EscalationPlan: Hashable, Sendable {
    /// The change to write: the original one, with the escalation level wrapped onto the policy.
    public var change: IncidentChange
    /// The state to store; nil leaves the stored state (if any) as it is.
    public var state: EscalationState?
    /// The level to page now, or nil.
    public var page: Int?

    public init(change: IncidentChange, state: EscalationState? = nil, page: Int? = nil) {
        self.change = change
        self.state = state
        self.page = page
    }
}
