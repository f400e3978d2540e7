import Foundation

extension Severity {
    /// sev1 and sev2 incidents are closed only with a postmortem (or by force).
    public var requiresPostmortem: Bool { self == .sev1 || self == .sev2 }
}

extension TimelineEvent {
    /// For a `field_changed` event of the severity: the severity it changed from; nil for any other event.
    public var severityChangedFrom: Severity? {
        guard kind == .fieldChanged, data["field"] == "severity", case .string(let old)? = data["old"] else {
            return nil
        }
        return Severity(rawValue: old)
    }
}

extension Incident {
    /// The most severe severity the incident has had: its own, or one an edit changed it from. Escalations
    /// only raise it, and lowering it is an edit, recorded with the old value; so `formerSeverities` are the
    /// `severityChangedFrom` of its `field_changed` events.
    public func highestSeverity(formerSeverities: some Sequence<Severity>) -> Severity {
        formerSeverities.reduce(severity) { max($0, $1) }
    }

    /// The sections that must still be written before this incident may be closed without `force`, in
    /// `PostmortemSectionName.requiredForClose` order; empty when none are missing or none are required.
    /// The rule follows the highest severity the incident had, so lowering a sev1 to sev3 before closing
    /// does not skip its postmortem.
    public func missingPostmortemSections(
        written: Set<PostmortemSectionName>, formerSeverities: some Sequence<Severity>
    ) -> [PostmortemSectionName] {
        guard highestSeverity(formerSeverities: formerSeverities).requiresPostmortem else { return [] }
        return PostmortemSectionName.requiredForClose.filter { !written.contains($0) }
    }

    /// `close`, with the postmortem rule: without `force`, an incident that was ever sev1 or sev2 and misses a
    /// required section is `IncidentError.postmortemRequired` naming them. Checked after the lifecycle
    /// (closing an open incident is an invalid transition whatever its postmortem says).
    public func closing(
        at now: Date, by actor: Principal, force: Bool, note: String?, written: Set<PostmortemSectionName>,
        formerSeverities: some Sequence<Severity>
    ) throws(IncidentError) -> IncidentChange {
        let change = try applying(.close, at: now, by: actor, force: force, note: note)
        let missing = missingPostmortemSections(written: written, formerSeverities: formerSeverities)
        if !force && !missing.isEmpty {
            throw .postmortemRequired(
                missing: missing, incident: id, severity: highestSeverity(formerSeverities: formerSeverities))
        }
        return change
    }
}
