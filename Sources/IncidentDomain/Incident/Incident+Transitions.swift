import Foundation

/// The lifecycle of ARCHITECTURE.md as pure functions.
///
/// ```
/// triggered --acknowledge--> acknowledged --mitigate--> mitigated --resolve--> resolved --close--> closed
/// ```
/// - `resolve` from any open status; `escalate` in any open status (status unchanged).
/// - `mitigate` from triggered too: stopping the impact is a response, so it also counts as the first
///   acknowledgement (an implicit `acknowledged` event precedes `mitigated`). The escalation engine
///   therefore stops on mitigate as it does on acknowledge.
/// - `resolve` of a triggered incident leaves `acknowledgedAt` nil: an alert that resolved on its own
///   was never answered, and time-to-acknowledge must not pretend otherwise.
/// - `reopen`: resolved -> triggered; clears `resolvedAt`, sets `escalationLevel` to 0 (escalation
///   starts over), keeps the first `acknowledgedAt` / `mitigatedAt`; history stays on the timeline.
/// - `close`: resolved -> closed, final. `force` is recorded on the timeline; the postmortem rule that
///   it overrides is checked by the caller, which knows the postmortem.
extension Incident {
    /// The actions allowed in `status`, in lifecycle order; empty for closed.
    public static func allowedActions(from status: IncidentStatus) -> [IncidentAction] {
        switch status {
        case .triggered: [.acknowledge, .escalate, .mitigate, .resolve]
        case .acknowledged: [.escalate, .mitigate, .resolve]
        case .mitigated: [.escalate, .resolve]
        case .resolved: [.close, .reopen]
        case .closed: []
        }
    }

    /// The actions allowed on this incident now.
    public var allowedActions: [IncidentAction] { Incident.allowedActions(from: status) }

    /// The status `action` leads to from `status`, or nil when it is not allowed there.
    public static func status(after action: IncidentAction, from status: IncidentStatus) -> IncidentStatus? {
        guard allowedActions(from: status).contains(action) else { return nil }
        switch action {
        case .acknowledge: return .acknowledged
        case .escalate: return status
        case .mitigate: return .mitigated
        case .resolve: return .resolved
        case .close: return .closed
        case .reopen: return .triggered
        }
    }

    /// Applies a lifecycle action and says what to record.
    ///
    /// - Parameters:
    ///   - severity: only for `escalate`: the new severity. It may raise the severity or keep it; asking
    ///     an escalation for a *lower* severity is a validation error on `severity` (lowering is a
    ///     deliberate edit, done with a patch and recorded as a field change).
    ///   - force: only for `close`: the caller overrode the postmortem requirement; recorded in the
    ///     event's data as `forced: true`.
    ///   - note: optional text from the person acting (trimmed; blank counts as none; at most 10,000
    ///     characters); it becomes the event's message.
    /// - Throws: `.validation` for bad options (checked first: bad input is bad in every status), then
    ///   `.invalidTransition` naming the current status and the allowed actions.
    /// - Returns: the new incident (version + 1) and its timeline events.
    public func applying(
        _ action: IncidentAction,
        at now: Date,
        by actor: Principal,
        severity requestedSeverity: Severity? = nil,
        force: Bool = false,
        note: String? = nil
    ) throws(IncidentError) -> IncidentChange {
        let note = try Self.checkActionOptions(action, severity: requestedSeverity, force: force, note: note)
        if action == .escalate, let requestedSeverity, severity.isMoreSevere(than: requestedSeverity) {
            throw .validation([
                FieldError(
                    field: "severity",
                    message:
                        "cannot be lowered by escalate (\(severity) to \(requestedSeverity)); change it with an edit")
            ])
        }
        guard let newStatus = Incident.status(after: action, from: status) else {
            throw .invalidTransition(from: status, action: action, allowed: allowedActions)
        }

        var next = self
        next.status = newStatus
        next.version += 1
        next.updatedAt = now
        var events: [NewTimelineEvent] = []
        var data: [String: JSONValue] = ["from": .string(status.rawValue), "to": .string(newStatus.rawValue)]
        var message: String

        switch action {
        case .acknowledge:
            next.acknowledgedAt = acknowledgedAt ?? now
            message = "Acknowledged"
        case .escalate:
            next.escalationLevel = escalationLevel + 1
            data["escalation_level"] = .int(Int64(next.escalationLevel))
            message = "Escalated to level \(next.escalationLevel)"
            if let requestedSeverity, requestedSeverity != severity {
                next.severity = requestedSeverity
                data["severity_old"] = .string(severity.rawValue)
                data["severity_new"] = .string(requestedSeverity.rawValue)
                message += ", severity \(severity) to \(requestedSeverity)"
            }
        case .mitigate:
            if status == .triggered {
                events.append(
                    NewTimelineEvent(
                        at: now, kind: .acknowledged, actor: actor, message: "Acknowledged by mitigating",
                        data: ["from": "triggered", "to": "acknowledged", "implicit": true]))
                data["from"] = "acknowledged"
            }
            next.acknowledgedAt = acknowledgedAt ?? now
            next.mitigatedAt = mitigatedAt ?? now
            message = "Mitigated"
        case .resolve:
            next.resolvedAt = now
            message = "Resolved"
        case .close:
            next.closedAt = now
            message = "Closed"
            if force {
                data["forced"] = true
                message += " (forced)"
            }
        case .reopen:
            next.resolvedAt = nil
            next.escalationLevel = 0
            if escalationLevel != 0 { data["escalation_level_before"] = .int(Int64(escalationLevel)) }
            message = "Reopened"
        }
        if let note {
            // The note follows what happened rather than replacing it: "Escalated to level 2: DB on fire".
            data["note"] = .string(note)
            message += ": " + note
        }
        events.append(
            NewTimelineEvent(at: now, kind: TimelineEventKind(action), actor: actor, message: message, data: data))
        return IncidentChange(incident: next, events: events)
    }

    /// Validates the options of an action request; returns the trimmed note (nil when blank).
    private static func checkActionOptions(
        _ action: IncidentAction, severity: Severity?, force: Bool, note: String?
    ) throws(IncidentError) -> String? {
        var validator = FieldValidator()
        if severity != nil && action != .escalate {
            validator.fail("severity", "is accepted only by escalate")
        }
        if force && action != .close {
            validator.fail("force", "is accepted only by close")
        }
        var checked: String?
        if let note, !note.trimmedWhitespace.isEmpty {
            checked = validator.text(
                note.trimmedWhitespace, field: "note", maxLength: DomainLimits.noteLength.upperBound)
        }
        try validator.finish()
        return checked
    }
}
