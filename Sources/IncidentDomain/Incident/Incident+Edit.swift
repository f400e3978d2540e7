import Foundation

extension Incident {
    /// Applies a validated edit and describes it field by field.
    ///
    /// Only fields whose value really changes count: an edit that changes nothing yields an empty
    /// change (same version, no events), which the store does not write. Otherwise the version rises
    /// by one, `updatedAt` becomes `now`, and each changed field gets one `field_changed` event, in the order title, summary,
    /// severity, service, commander, labels, impact_started_at (which must not be later than `now`).
    ///
    /// - Parameter resolveService: turns the edit's service reference into id and name; the store passes
    ///   a lookup inside its transaction and throws `IncidentError.unknownService` when there is none.
    /// - Throws: `.conflict` on a closed incident (closed is final), or what `resolveService` throws.
    public func applying(
        _ edit: IncidentEdit,
        by actor: Principal,
        at now: Date,
        resolveService: (ServiceReference) throws(IncidentError) -> ServiceRef
    ) throws(IncidentError) -> IncidentChange {
        if status == .closed {
            throw .conflict("incident \(id) is closed; a closed incident is final")
        }
        var next = self
        var changes: [FieldChange] = []
        if let title = edit.title, title != self.title {
            changes.append(FieldChange(field: "title", old: .string(self.title), new: .string(title)))
            next.title = title
        }
        if let summary = edit.summary, summary != self.summary {
            changes.append(FieldChange(field: "summary", old: .string(self.summary), new: .string(summary)))
            next.summary = summary
        }
        if let severity = edit.severity, severity != self.severity {
            changes.append(
                FieldChange(field: "severity", old: .string(self.severity.rawValue), new: .string(severity.rawValue)))
            next.severity = severity
        }
        if let serviceChange = edit.service {
            let resolved: ServiceRef? =
                switch serviceChange {
                case .set(let reference): try resolveService(reference)
                case .clear: nil  // refused by validation; kept total for edits built inside the module
                }
            if resolved != self.service {
                changes.append(
                    FieldChange(
                        field: "service", old: .string(self.service?.name), new: .string(resolved?.name)))
                next.service = resolved
            }
        }
        if let commanderChange = edit.commander, commanderChange.value != self.commander {
            changes.append(
                FieldChange(field: "commander", old: .string(self.commander), new: .string(commanderChange.value)))
            next.commander = commanderChange.value
        }
        if let labels = edit.labels, labels != self.labels {
            changes.append(
                FieldChange(
                    field: "labels", old: .object(self.labels.mapValues(JSONValue.string)),
                    new: .object(labels.mapValues(JSONValue.string))))
            next.labels = labels
        }
        if let impactChange = edit.impactStartedAt {
            let value = impactChange.value.map(Timestamp.truncated)
            if let value, value > now {
                throw .validation([FieldError(field: "impact_started_at", message: "must not be in the future")])
            }
            if value != self.impactStartedAt {
                changes.append(
                    FieldChange(
                        field: "impact_started_at", old: .string(self.impactStartedAt.map(Timestamp.format)),
                        new: .string(value.map(Timestamp.format))))
                next.impactStartedAt = value
            }
        }
        guard !changes.isEmpty else { return IncidentChange(incident: self, events: []) }
        next.version += 1
        next.updatedAt = now
        let events = changes.map { change in
            NewTimelineEvent(
                at: now, kind: .fieldChanged, actor: actor, message: change.sentence,
                data: ["field": .string(change.field), "old": change.old, "new": change.new])
        }
        return IncidentChange(incident: next, events: events)
    }
}

extension FieldChange {
    /// "Changed severity from sev3 to sev2"; long or structured values are not repeated in the message.
    var sentence: String {
        switch (old, new) {
        case (.string(let old), .string(let new))
        where old.unicodeScalars.count <= 80 && new.unicodeScalars.count <= 80 && field != "summary":
            return "Changed \(field) from \(old) to \(new)"
        case (.null, .string(let new)) where new.unicodeScalars.count <= 80:
            return "Set \(field) to \(new)"
        case (_, .null):
            return "Cleared \(field)"
        default:
            return "Changed \(field)"
        }
    }
}

extension IncidentError {
    /// The error for a service reference that names no service: a field error on `service`
    /// (the request is bad, not the URL), answered 422.
    /// `known` (the names of the services there are, when the caller read them) adds the name probably meant
    /// (one typo away, among them and the `formerNames` they still answer to), else the names themselves when
    /// there are at most ten.
    public static func unknownService(
        _ reference: ServiceReference, field: String = "service", known: [String] = [], formerNames: [String] = []
    ) -> IncidentError {
        var what: String =
            switch reference {
            case .id(let id): "no service has id \(id)"
            case .name(let name): "no service is named \(name)"
            }
        if case .name(let name) = reference,
            let meant = MemberNameSimilarity.intended(name, among: known + formerNames)
        {
            what += "; did you mean \"\(meant)\"?"
        } else if !known.isEmpty && known.count <= 10 {
            what += " (the services are: \(known.joined(separator: ", ")))"
        }
        return .validation([FieldError(field: field, message: what)])
    }
}
