import Foundation

extension Postmortem {
    /// The text an unknown error budget shows (no SLO, or none wired to this service).
    public static let noSLOText = "no SLO declared for this service"

    /// Every field a template may use, as one JSON object: the context of the Mustache template and the
    /// answer of `?format=json`. README.md lists them; a key is absent (or `null` in JSON) when unknown.
    public var fields: JSONValue {
        var impact: [String: JSONValue] = [
            "start": .string(Timestamp.format(impactStart)),
            "start_source": .string(impactStartSource),
            "end": .string(impactEnd.map(Timestamp.format)),
            "duration": .string(impactDuration.map(PostmortemDuration.text)),
            "duration_seconds": impactDuration.map { .int(Int64($0)) } ?? .null,
            "severity": .string(incident.severity.rawValue),
            "services": .array(incident.service.map { [.string($0.name)] } ?? []),
            "services_text": .string(incident.service?.name ?? "none recorded"),
            "start_source_text": .string(impactStartSource == "first_alert" ? "first alert" : "incident created"),
        ]
        impact["error_budget"] = [
            "declared": .bool(errorBudgetMinutes != nil),
            "minutes": errorBudgetMinutes.map(JSONValue.double) ?? .null,
            "text": .string(errorBudgetMinutes.map { Self.minutesText($0) } ?? Self.noSLOText),
        ]
        var detection: [String: JSONValue] = [
            "time_to_detect": .string(timeToDetect.map(PostmortemDuration.text)),
            "time_to_detect_seconds": timeToDetect.map { .int(Int64($0)) } ?? .null,
            "time_to_acknowledge": .string(timeToAcknowledge.map(PostmortemDuration.text)),
            "time_to_acknowledge_seconds": timeToAcknowledge.map { .int(Int64($0)) } ?? .null,
            "first_alert": .null,
            "opened_by": .string(timeline.first { $0.event.kind == .created }?.event.actor.description),
        ]
        if let firstAlert {
            detection["first_alert"] = [
                "title": .string(firstAlert.title),
                "source": .string(firstAlert.source.rawValue),
                "starts_at": .string(Timestamp.format(firstAlert.startsAt)),
                "received_at": .string(Timestamp.format(firstAlert.firstSeenAt)),
            ]
        }
        var sectionFields: [String: JSONValue] = [:]
        for name in PostmortemSectionName.allCases {
            let section = sections[name]
            sectionFields[name.rawValue] = [
                "written": .bool(section != nil),
                "text": .string(section?.text),
                "prompt": .string(name.prompt),
                "updated_by": .string(section?.updatedBy.description),
                "updated_at": .string(section.map { Timestamp.format($0.updatedAt) }),
            ]
        }
        let missing = missingForClose
        return [
            "title": .string(incident.title),
            "date": .string(LocalDate(utc: incident.createdAt).description),
            "status": .string(incident.status.rawValue),
            "incident": incidentFields,
            "authors": .array(
                authors.enumerated().map { index, author in
                    ["name": .string(author.description), "commander": .bool(index == 0 && incident.commander != nil)]
                }),
            "authors_text": .string(authorsText),
            "impact": .object(impact),
            "detection": .object(detection),
            "sections": .object(sectionFields),
            "action_items": .array(actionItems.map(Self.fields(of:))),
            "has_action_items": .bool(!actionItems.isEmpty),
            "timeline": .array(timeline.map(Self.fields(of:))),
            "alerts": .array(alerts.map(Self.fields(of:))),
            "has_alerts": .bool(!alerts.isEmpty),
            "postmortem_required": .bool(highestSeverity.requiresPostmortem),
            "missing_for_close": .array(missing.map { .string($0.rawValue) }),
            "missing_for_close_text": .string(missing.map(\.rawValue).joined(separator: ", ")),
            "complete_for_close": .bool(missing.isEmpty),
        ]
    }

    /// The authors joined with commas, the commander marked: lists in Mustache cannot drop the last separator.
    private var authorsText: String {
        guard !authors.isEmpty else { return "nobody recorded" }
        return authors.enumerated().map { index, author in
            index == 0 && incident.commander != nil ? "\(author) (commander)" : author.description
        }.joined(separator: ", ")
    }

    private var incidentFields: JSONValue {
        [
            "id": .int(incident.id.rawValue),
            "title": .string(incident.title),
            "summary": .string(incident.summary.isEmpty ? nil : incident.summary),
            "status": .string(incident.status.rawValue),
            "severity": .string(incident.severity.rawValue),
            "service": .string(incident.service?.name),
            "commander": .string(incident.commander),
            "dedup_key": .string(incident.dedupKey),
            "labels": Self.pairs(incident.labels),
            "created_at": .string(Timestamp.format(incident.createdAt)),
            "acknowledged_at": .string(incident.acknowledgedAt.map(Timestamp.format)),
            "mitigated_at": .string(incident.mitigatedAt.map(Timestamp.format)),
            "resolved_at": .string(incident.resolvedAt.map(Timestamp.format)),
            "closed_at": .string(incident.closedAt.map(Timestamp.format)),
        ]
    }

    private static func fields(of item: ActionItem) -> JSONValue {
        [
            "id": .int(item.id.rawValue),
            "title": .string(item.title),
            "type": .string(item.kind.rawValue),
            "owner": .string(item.owner),
            "status": .string(item.status.rawValue),
            "due_date": .string(item.dueDate?.description),
            "link": .string(item.link),
        ]
    }

    private static func fields(of entry: TimelineEntry) -> JSONValue {
        let at = Timestamp.format(entry.event.at)
        return [
            "at": .string(at),
            // `2026-11-18 09:15:00` (UTC), for tables people read.
            "time": .string(String(at.prefix(10)) + " " + String(at.dropFirst(11).prefix(8))),
            "kind": .string(entry.event.kind.rawValue),
            "actor": .string(entry.event.actor.description),
            "message": .string(entry.event.message),
            "milestone": .string(entry.milestone),
        ]
    }

    private static func fields(of alert: StoredAlert) -> JSONValue {
        [
            "title": .string(alert.title),
            "source": .string(alert.source.rawValue),
            "status": .string(alert.status.rawValue),
            "severity": .string(alert.severity.rawValue),
            "starts_at": .string(Timestamp.format(alert.startsAt)),
            "received_at": .string(Timestamp.format(alert.firstSeenAt)),
            "times_seen": .int(Int64(alert.timesSeen)),
            "labels": pairs(alert.labels),
            "labels_text": .string(
                alert.labels.keys.sorted().map { "\($0)=\(alert.labels[$0] ?? "")" }.joined(separator: ", ")),
            "links": .array(alert.links.map { ["href": .string($0.href), "text": .string($0.text)] }),
        ]
    }

    /// A string map as `[{key, value}]` sorted by key: templates cannot iterate an object's members.
    private static func pairs(_ map: [String: String]) -> JSONValue {
        .array(map.keys.sorted().map { ["key": .string($0), "value": .string(map[$0] ?? "")] })
    }

    /// `12.5 minutes`, `1 minute`: at most one decimal.
    static func minutesText(_ minutes: Double) -> String {
        let rounded = (minutes * 10).rounded() / 10
        let number = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(number) minute\(rounded == 1 ? "" : "s")"
    }
}
