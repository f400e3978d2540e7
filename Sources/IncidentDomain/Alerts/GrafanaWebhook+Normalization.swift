import Foundation

extension GrafanaWebhook {
    /// The payload's alerts in Klaxon's terms, by the same rules as Alertmanager's (`AlertGroupPayload`),
    /// with `version` "1". Grafana's links (rule, silence, dashboard, panel, image) become alert links;
    /// `values`, `valueString`, `orgId`, `title` and `state` are kept in the details. The group `message`
    /// is not copied into every alert (it renders all of them; a 1,000-alert group would store it 1,000 times).
    public func normalized(now: Date) throws(IncidentError) -> [NormalizedAlert] {
        try group.normalized(now: now)
    }

    var group: AlertGroupPayload {
        var groupDetails: [String: JSONValue] = [:]
        if let receiver { groupDetails["receiver"] = .string(receiver) }
        if let groupKey { groupDetails["groupKey"] = .string(groupKey) }
        if let externalURL { groupDetails["externalURL"] = .string(externalURL) }
        if let orgId { groupDetails["orgId"] = .int(orgId) }
        if let title { groupDetails["title"] = .string(title) }
        if let state { groupDetails["state"] = .string(state) }
        if let truncatedAlerts, truncatedAlerts > 0 { groupDetails["truncatedAlerts"] = .int(Int64(truncatedAlerts)) }
        return AlertGroupPayload(
            source: .grafana, expectedVersion: "1", version: version, groupKey: groupKey, status: status,
            receiver: receiver, groupLabels: groupLabels ?? [:], commonLabels: commonLabels ?? [:],
            commonAnnotations: commonAnnotations ?? [:],
            alerts: alerts?.map { alert in
                var links: [AlertLink] = []
                for (url, text) in [
                    (alert.generatorURL, "Alert rule"), (alert.dashboardURL, "Dashboard"), (alert.panelURL, "Panel"),
                    (alert.silenceURL, "Silence"), (alert.imageURL, "Image"),
                ] {
                    if let url = AlertText.nonBlank(url) { links.append(AlertLink(href: url, text: text)) }
                }
                var details: [String: JSONValue] = [:]
                if let values = alert.values { details["values"] = .object(values) }
                if let valueString = alert.valueString { details["valueString"] = .string(valueString) }
                return AlertGroupPayload.Member(
                    status: alert.status, labels: alert.labels, annotations: alert.annotations,
                    startsAt: alert.startsAt, endsAt: alert.endsAt, fingerprint: alert.fingerprint, links: links,
                    details: details)
            },
            groupDetails: groupDetails)
    }
}
