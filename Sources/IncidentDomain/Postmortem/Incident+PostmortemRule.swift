import Foundation

extension Severity {
    /// sev1 and sev2 incidents are closed only with a postmortem (or by force).
    public var requiresPostmortem: Bool { self == .sev1 || self == .sev2 }
}

extension Incident {
    /// The sections that must still be written before this incident may be closed without `force`, in
    /// `PostmortemSectionName.requiredForClose` order; empty when none are missing or none are required.
    public func missingPostmortemSections(written: Set<PostmortemSectionName>) -> [PostmortemSectionName] {
        guard severity.requiresPostmortem else { return [] }
        return PostmortemSectionName.requiredForClose.filter { !written.contains($0) }
    }

    /// `close`, with the postmortem rule: without `force`, a sev1 or sev2 incident missing a required section
    /// is `IncidentError.postmortemRequired` naming them. Checked after the lifecycle (closing an open
    /// incident is an invalid transition whatever its postmortem says).
    public func closing(
        at now: Date, by actor: Principal, force: Bool, note: String?, written: Set<PostmortemSectionName>
    ) throws(IncidentError) -> IncidentChange {
        let change = try applying(.close, at: now, by: actor, force: force, note: note)
        let missing = missingPostmortemSections(written: written)
        if !force && !missing.isEmpty {
            throw .postmortemRequired(missing: missing)
        }
        return change
    }
}
