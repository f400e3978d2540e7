import Foundation

/// The escalation engine's decisions as pure functions: state + policy + change or time -> what to do.
/// The store applies them inside the transaction of the change, so a page, the level change and the
/// outbox rows are written together or not at all.
///
/// - A new triggered incident (or one reopened) starts at level 0, pass 0, pages level 0 at once, and its
///   timer runs out after level 0's delay.
/// - An escalation (manual or by the timer) moves to the next level, after the last to level 0 of the next
///   pass while `repeat` passes remain; it pages that level, and restarts the timer if still triggered.
///   With no position left, the timer records that the policy is exhausted and pages nobody more; a person
///   who escalates then pages the last level paged once more (asking for help must reach someone), and the
///   timeline says the policy has no further level.
/// - Acknowledge, mitigate and resolve stop the timer; escalation levels stay as they are.
public enum EscalationRules {
    /// The plan for `change` of `previous` (nil: the incident is new). `policy` is the one the incident
    /// follows: the state's, or for a new or reopened incident its service's.
    public static func plan(
        for change: IncidentChange, previous: Incident?, state: EscalationState?, policy: EscalationPolicy?,
        now: Date
    ) -> EscalationPlan {
        var change = change
        let incident = change.incident
        let started =
            incident.status == .triggered && (previous == nil || previous.map { !$0.status.isOpen } == true)
        if started {
            guard let policy, !policy.levels.isEmpty else { return EscalationPlan(change: change) }
            change.incident.escalationLevel = 0
            let state = EscalationState(
                incidentID: incident.id, policyID: policy.id, level: 0, cycle: 0,
                nextEscalationAt: now.addingTimeInterval(policy.delay(of: 0)))
            return EscalationPlan(change: change, state: state, page: 0)
        }
        guard var state, let policy, !policy.levels.isEmpty else { return EscalationPlan(change: change) }
        if let index = change.events.firstIndex(where: { $0.kind == .escalated }) {
            let lifecycleLevel = change.incident.escalationLevel
            guard !state.exhausted, let next = policy.position(after: state.level, cycle: state.cycle) else {
                let wasExhausted = state.exhausted
                let manual = change.events[index].actor != .system
                change.incident.escalationLevel = state.level
                change.events[index].data["escalation_level"] = .int(Int64(state.level))
                change.events[index].data["exhausted"] = true
                change.events[index].message = Self.retitled(
                    change.events[index].message, from: lifecycleLevel,
                    to: manual
                        ? "Escalated: the escalation policy has no further level, level \(state.level) paged again"
                        : "Escalated, but the escalation policy is exhausted")
                state.exhausted = true
                state.nextEscalationAt = nil
                if !wasExhausted { change.events.append(exhaustedEvent(policy: policy, at: now)) }
                let repage = manual && policy.levels.indices.contains(state.level)
                return EscalationPlan(change: change, state: state, page: repage ? state.level : nil)
            }
            change.incident.escalationLevel = next.level
            change.events[index].data["escalation_level"] = .int(Int64(next.level))
            change.events[index].data["escalation_cycle"] = .int(Int64(next.cycle))
            var new = "Escalated to level \(next.level)"
            if next.cycle > 0 { new += " (pass \(next.cycle + 1))" }
            if change.events[index].actor == .system && change.events[index].data["note"] == nil {
                new +=
                    ": not acknowledged within \(policy.levels[min(state.level, policy.levels.count - 1)].delayMinutes) min"
            }
            change.events[index].message = Self.retitled(
                change.events[index].message, from: lifecycleLevel, to: new)
            state.level = next.level
            state.cycle = next.cycle
            state.nextEscalationAt =
                incident.status == .triggered ? now.addingTimeInterval(policy.delay(of: next.level)) : nil
            return EscalationPlan(change: change, state: state, page: next.level)
        }
        if incident.status != .triggered, state.nextEscalationAt != nil {
            state.nextEscalationAt = nil
            return EscalationPlan(change: change, state: state)
        }
        return EscalationPlan(change: change)
    }

    /// The plan when `change` moves an open incident to a service that follows `policy`, another policy than
    /// the one its `state` follows (none included): it follows the new one from level 0. A triggered incident
    /// pages level 0 at once, as a new one would; an acknowledged or mitigated one starts with its timer
    /// stopped, so that a manual escalation pages the new policy's level 1. Nil when nothing changes (the
    /// incident is not open, or the new service follows the same policy or none: then it keeps its own).
    public static func planMove(
        for change: IncidentChange, state: EscalationState?, to policy: EscalationPolicy?, now: Date
    ) -> EscalationPlan? {
        guard change.incident.status.isOpen, let policy, !policy.levels.isEmpty, policy.id != state?.policyID
        else { return nil }
        if change.incident.status == .triggered {
            return plan(for: change, previous: nil, state: nil, policy: policy, now: now)
        }
        var change = change
        change.incident.escalationLevel = 0
        let state = EscalationState(
            incidentID: change.incident.id, policyID: policy.id, level: 0, cycle: 0, nextEscalationAt: nil)
        return EscalationPlan(change: change, state: state)
    }

    /// When a triggered incident whose `level` paged nobody escalates: at the engine's next poll (a second on)
    /// when a further level of the same pass remains, since waiting out the delay would page nobody for it;
    /// nil (the level's own delay) at the last level, so that repeat passes still come one delay apart and a
    /// policy nobody can answer does not run through every pass at once.
    public static func nextEscalationWhenNobodyWasReached(level: Int, of policy: EscalationPolicy, now: Date)
        -> Date?
    {
        level + 1 < policy.levels.count ? now.addingTimeInterval(1) : nil
    }

    /// What the engine does at `now` for an incident with `state` under `policy`.
    public static func timer(
        incident: Incident, state: EscalationState, policy: EscalationPolicy, now: Date
    ) -> EscalationTimerAction {
        guard let due = state.nextEscalationAt, due <= now, !state.exhausted else { return .none }
        var stopped = state
        stopped.nextEscalationAt = nil
        guard incident.status == .triggered else { return .stop(stopped) }
        guard policy.position(after: state.level, cycle: state.cycle) != nil else {
            stopped.exhausted = true
            return .exhaust(exhaustedEvent(policy: policy, at: now), stopped)
        }
        do {
            return .escalate(try incident.applying(.escalate, at: now, by: .system))
        } catch {
            return .stop(stopped)
        }
    }

    /// The lifecycle's "Escalated to level n..." message with its opening replaced by `opening`; whatever
    /// follows it (a severity change, ": " and the person's note) is kept.
    static func retitled(_ message: String, from lifecycleLevel: Int, to opening: String) -> String {
        let lifecycleOpening = "Escalated to level \(lifecycleLevel)"
        guard message.hasPrefix(lifecycleOpening) else { return message }
        return opening + message.dropFirst(lifecycleOpening.count)
    }

    /// "The escalation policy is exhausted": every level was paged `repeat + 1` times.
    static func exhaustedEvent(policy: EscalationPolicy, at now: Date) -> NewTimelineEvent {
        let passes = policy.repeatCount + 1
        return NewTimelineEvent(
            at: now, kind: .escalationExhausted, actor: .system,
            message:
                "Escalation policy \(policy.name) exhausted: all \(policy.levels.count) level\(policy.levels.count == 1 ? "" : "s") paged \(passes) time\(passes == 1 ? "" : "s"); the timer pages nobody more",
            data: [
                "policy": .string(policy.name), "levels": .int(Int64(policy.levels.count)),
                "passes": .int(Int64(passes)),
            ])
    }
}
