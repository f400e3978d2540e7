import Foundation

extension AlertmanagerWebhook {
    /// The payload's alerts in Klaxon's terms: each firing alert a `trigger`, each resolved one a `resolve`,
    /// all with the group's `groupKey` as dedup key and their `fingerprint` as alert key; firing alerts
    /// first, most severe first. Rules in `AlertGroupPayload`.
    ///
    /// - Throws: `.validation` with every problem at once (wrong or missing `version`, no `groupKey`, an
    ///   alert without `status` or `labels`, an unreadable time), fields named as in the payload
    ///   (`alerts[1].status`).
    public func normalized(now: Date) throws(IncidentError) -> [NormalizedAlert] {
        try group.normalized(now: now)
    }

    var group: AlertGroupPayload {
        var groupDetails: [String: JSONValue] = [:]
        if let receiver { groupDetails["receiver"] = .string(receiver) }
        if let groupKey { groupDetails["groupKey"] = .string(groupKey) }
        if let externalURL { groupDetails["externalURL"] = .string(externalURL) }
        if let truncatedAlerts, truncatedAlerts > 0 { groupDetails["truncatedAlerts"] = .int(Int64(truncatedAlerts)) }
        return AlertGroupPayload(
            source: .alertmanager, expectedVersion: "4", version: version, groupKey: groupKey, status: status,
            receiver: receiver, groupLabels: groupLabels ?? [:], commonLabels: commonLabels ?? [:],
            commonAnnotations: commonAnnotations ?? [:],
            alerts: alerts?.map { alert in
                var links: [AlertLink] = []
                if let url = AlertText.nonBlank(alert.generatorURL) {
                    links.append(AlertLink(href: url, text: "Source"))
                }
                if let url = AlertText.nonBlank(externalURL) {
                    links.append(AlertLink(href: url, text: "Alertmanager"))
                }
                var details: [String: JSONValue] = [:]
                if let url = alert.generatorURL { details["generatorURL"] = .string(url) }
                return AlertGroupPayload.Member(
                    status: alert.status, labels: alert.labels, annotations: alert.annotations,
                    startsAt: alert.startsAt, endsAt: alert.endsAt, fingerprint: alert.fingerprint, links: links,
                    details: details)
            },
            groupDetails: groupDetails)
    }
}
