import Foundation

extension NormalizedAlert {
    /// The service to open an incident on when the request was not routed by an integration key: the one
    /// `serviceHint` names when that is a valid service name, else the `default` service.
    public var routedService: ServiceReference {
        if let serviceHint, FieldValidator.nameProblem(serviceHint) == nil { return .name(serviceHint) }
        return .name(Service.defaultName)
    }

    /// The new incident this alert opens on `service`. Labels are fitted to the domain's limits rather
    /// than refused (an alert must never be lost to a label rule): invalid keys are dropped, values cut to
    /// 500 characters, at most 64 labels kept in key order. The untouched labels stay in the alert's data.
    public func draft(service: ServiceReference) -> IncidentDraft {
        IncidentDraft(
            title: title, summary: summary, severity: severity, service: service,
            labels: AlertText.fittedLabels(incidentLabels), dedupKey: dedupKey)
    }

    /// The `alert_received` timeline event for this alert: the message says what happened to which alert,
    /// `data` carries the source, both keys, severity, labels, annotations, links, times and sender details
    /// (severity, labels and start only when the sender described the alert: `describesAlert`).
    public func receivedEvent(at now: Date) -> NewTimelineEvent {
        var event = receivedEventWithoutData(at: now)
        event.data = receivedEventData
        return event
    }

    /// `receivedEvent(at:)` with empty `data`, for a store that writes the data from text it encoded before its
    /// write transaction (building and encoding the data is most of the event's cost, and the store's writer is
    /// the one thread every alert goes through).
    public func receivedEventWithoutData(at now: Date) -> NewTimelineEvent {
        let verb: String
        switch action {
        case .trigger: verb = "firing"
        case .acknowledge: verb = "acknowledged"
        case .resolve: verb = "resolved"
        }
        let which = distinguishingLabels.map { " (\($0))" } ?? ""
        return NewTimelineEvent(
            at: now, kind: .alertReceived, actor: source.principal, message: "Alert \(verb): \(alertTitle)\(which)")
    }

    /// See `distinguishingLabels`; computed once, when a group's payload is normalized (on the request's task,
    /// not on the store's writer), for the alerts whose title another alert of the payload shares.
    static func distinguishingLabels(
        labels: [String: String], incidentLabels: [String: String], alertTitle: String
    ) -> String? {
        guard incidentLabels != labels else { return nil }
        // Severity has its own place in every view of an alert.
        let own = labels.keys.filter { $0 != "severity" && incidentLabels[$0] != labels[$0] }
            .sorted(by: AlertKey.byteOrder)
            .compactMap { key -> String? in
                // Bytes, not Foundation's `contains` (CFString, ~2 % of a re-sent group's request before this).
                guard let value = labels[key], !value.isEmpty, alertTitle.utf8.firstRange(of: value.utf8) == nil
                else { return nil }
                // Label values can be long or span lines (a stack trace): the message stays one short line.
                let line = value.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                return "\(key)=\(line.count > 60 ? line.prefix(60) + "…" : line)"
            }
        return own.isEmpty ? nil : own.prefix(3).joined(separator: ", ")
    }

    /// The `data` of this alert's `alert_received` event (see `receivedEvent(at:)`); it does not depend on when.
    public var receivedEventData: [String: JSONValue] {
        var data: [String: JSONValue] = [
            "source": .string(source.rawValue),
            "action": .string(action.rawValue),
            "dedup_key": .string(dedupKey),
            "alert_key": .string(alertKey),
        ]
        if describesAlert {
            data["severity"] = .string(severity.rawValue)
            data["labels"] = .object(labels.mapValues(JSONValue.string))
            data["starts_at"] = .string(Timestamp.format(startsAt))
        }
        if !annotations.isEmpty { data["annotations"] = .object(annotations.mapValues(JSONValue.string)) }
        if let endsAt { data["ends_at"] = .string(Timestamp.format(endsAt)) }
        if !links.isEmpty { data["links"] = .array(links.map(\.json)) }
        if !details.isEmpty { data["details"] = .object(details) }
        return data
    }
}
