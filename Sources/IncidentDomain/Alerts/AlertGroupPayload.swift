import Foundation

/// The group envelope Alertmanager and Grafana share, normalised by one set of rules:
///
/// - `version` must be the expected one; `groupKey` is required and becomes the incident's dedup key
///   (hashed when longer than 255 characters); `alerts` is required (an empty list is a no-op).
/// - Each alert needs `status` firing|resolved and `labels`; `startsAt` and `endsAt` must be RFC 3339 when
///   present (a missing `startsAt` is the arrival time; Go's zero `endsAt` means none).
/// - The alert key is the alert's `fingerprint`, else the Prometheus fingerprint of its labels.
/// - Title: the common `summary` annotation, else `alertname` with the other group labels
///   (`HighLatency (env=prod, service=checkout)`), else the group labels alone, else the receiver.
///   Summary: the common `description` annotation.
/// - Severity: each alert's own `severity` (or `priority`) label; firing alerts come first, most severe
///   first, so the alert that opens the incident carries the group's highest severity.
/// - Service hint: the group's common `service` label (so a whole group routes to one service, as it makes
///   one incident; a group whose alerts name different services goes to the `default` service).
struct AlertGroupPayload {
    struct Member {
        var status: String?
        var labels: [String: String]?
        var annotations: [String: String]?
        var startsAt: String?
        var endsAt: String?
        var fingerprint: String?
        var links: [AlertLink]
        var details: [String: JSONValue]
    }

    var source: AlertSource
    var expectedVersion: String
    var version: String?
    var groupKey: String?
    var status: String?
    var receiver: String?
    var groupLabels: [String: String]
    var commonLabels: [String: String]
    var commonAnnotations: [String: String]
    var alerts: [Member]?
    /// Group fields kept in every alert's details (receiver, groupKey, externalURL, ...).
    var groupDetails: [String: JSONValue]

    func normalized(now: Date) throws(IncidentError) -> [NormalizedAlert] {
        var validator = FieldValidator()
        if let version {
            if version != expectedVersion {
                validator.fail(
                    "version",
                    "must be \"\(expectedVersion)\" (got \"\(version)\"); this payload version is not supported")
            }
        } else {
            validator.fail("version", "is required")
        }
        let groupKey = AlertText.nonBlank(self.groupKey)
        if groupKey == nil { validator.fail("groupKey", "is required") }
        if let status, status != "firing", status != "resolved" {
            validator.fail("status", "must be firing or resolved (got \"\(status)\")")
        }
        if alerts == nil { validator.fail("alerts", "is required") }

        let title = groupTitle
        let dedupKey = groupKey.map(AlertKey.dedupKey(fromSenderKey:))
        let summary = AlertText.body(commonAnnotations["description"])
        var firing: [NormalizedAlert] = []
        var resolved: [NormalizedAlert] = []
        for (index, member) in (alerts ?? []).enumerated() {
            let field = "alerts[\(index)]"
            let action: AlertAction?
            switch member.status {
            case "firing": action = .trigger
            case "resolved": action = .resolve
            case nil:
                validator.fail("\(field).status", "is required")
                action = nil
            case let other?:
                validator.fail("\(field).status", "must be firing or resolved (got \"\(other)\")")
                action = nil
            }
            if member.labels == nil { validator.fail("\(field).labels", "is required") }
            var startsAt = now
            var startsAtIsReceipt = true
            if let text = member.startsAt {
                if let date = AlertTimestamp.parse(text) {
                    if !AlertTimestamp.isUnset(date) {
                        startsAt = date
                        startsAtIsReceipt = false
                    }
                } else {
                    validator.fail("\(field).startsAt", "must be an RFC 3339 date-time (got \"\(text)\")")
                }
            }
            var endsAt: Date?
            if let text = member.endsAt {
                if let date = AlertTimestamp.parse(text) {
                    if !AlertTimestamp.isUnset(date) { endsAt = date }
                } else {
                    validator.fail("\(field).endsAt", "must be an RFC 3339 date-time (got \"\(text)\")")
                }
            }
            guard let action, let labels = member.labels, let dedupKey else { continue }
            let annotations = member.annotations ?? [:]
            let alertKey =
                AlertText.nonBlank(member.fingerprint).map(AlertKey.dedupKey(fromSenderKey:))
                ?? AlertKey.fingerprint(labels: labels)
            let alertTitle =
                AlertText.headline(annotations["summary"])
                ?? AlertText.headline(labels["alertname"]) ?? title
            // Labels, annotations, status and times are first-class fields of the alert; the details keep
            // only what has no field of its own.
            var details = groupDetails
            if let fingerprint = member.fingerprint { details["fingerprint"] = .string(fingerprint) }
            details.merge(member.details) { _, own in own }
            let alert = NormalizedAlert(
                source: source, action: action, dedupKey: dedupKey,
                alertKey: alertKey, title: title, alertTitle: alertTitle, summary: summary,
                severity: Severity(alertLabels: labels),
                labels: labels, incidentLabels: commonLabels.isEmpty ? labels : commonLabels,
                annotations: annotations,
                serviceHint: AlertText.nonBlank(commonLabels["service"]) ?? AlertText.nonBlank(groupLabels["service"]),
                startsAt: startsAt, startsAtIsReceipt: startsAtIsReceipt, endsAt: action == .resolve ? endsAt : nil,
                links: member.links,
                details: details, warnings: Severity.unmappedLabelWarning(labels).map { [$0] } ?? [])
            if action == .trigger { firing.append(alert) } else { resolved.append(alert) }
        }
        try validator.finish()
        // Alerts of the group that read the same on the timeline are told apart by the labels they do not share.
        var titles: [String: Int] = [:]
        for alert in firing + resolved { titles[alert.alertTitle, default: 0] += 1 }
        if titles.values.contains(where: { $0 > 1 }) {
            for index in firing.indices where titles[firing[index].alertTitle, default: 0] > 1 {
                firing[index].distinguishingLabels = NormalizedAlert.distinguishingLabels(
                    labels: firing[index].labels, incidentLabels: firing[index].incidentLabels,
                    alertTitle: firing[index].alertTitle)
            }
            for index in resolved.indices where titles[resolved[index].alertTitle, default: 0] > 1 {
                resolved[index].distinguishingLabels = NormalizedAlert.distinguishingLabels(
                    labels: resolved[index].labels, incidentLabels: resolved[index].incidentLabels,
                    alertTitle: resolved[index].alertTitle)
            }
        }
        // Stable: equal severities keep the sender's order.
        let ordered = firing.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity
                ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
        return ordered + resolved
    }

    /// See the type's documentation.
    var groupTitle: String {
        if let summary = AlertText.headline(commonAnnotations["summary"]) { return summary }
        let alertname = AlertText.nonBlank(commonLabels["alertname"]) ?? AlertText.nonBlank(groupLabels["alertname"])
        let others = groupLabels.keys.sorted(by: AlertKey.byteOrder).filter { $0 != "alertname" }
            .map { "\($0)=\(groupLabels[$0] ?? "")" }.joined(separator: ", ")
        let text: String
        switch (alertname, others.isEmpty) {
        case (let name?, true): text = name
        case (let name?, false): text = "\(name) (\(others))"
        case (nil, false): text = "Alerts (\(others))"
        case (nil, true): text = "Alerts for \(AlertText.nonBlank(receiver) ?? source.rawValue)"
        }
        return AlertText.headline(text) ?? "Alerts for \(source.rawValue)"
    }
}
