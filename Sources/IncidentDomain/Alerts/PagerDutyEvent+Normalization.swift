import Foundation

extension PagerDutyEvent {
    /// The action named by `event_action`, if it is one PagerDuty knows.
    public var action: AlertAction? {
        switch eventAction {
        case "trigger": .trigger
        case "acknowledge": .acknowledge
        case "resolve": .resolve
        default: nil
        }
    }

    /// The dedup key to answer with: the event's own, else `generatedKey` (what PagerDuty returns for a
    /// trigger without one).
    public func responseDedupKey(generatedKey: String) -> String {
        AlertText.nonBlank(dedupKey) ?? generatedKey
    }

    /// The event in Klaxon's terms, refused where PagerDuty refuses it.
    ///
    /// - `routing_key` required (whether it names a service is the API's question); `event_action` one of
    ///   trigger, acknowledge, resolve; `dedup_key` at most 255 characters, required for acknowledge and
    ///   resolve (without one they could never match anything); for trigger, `payload` with `summary`
    ///   (1...1,024), `source` and `severity` (critical, error, warning, info); every link needs `href` and
    ///   every image `src`.
    /// - Title: the summary's first line, cut to 200; summary: the whole summary. Labels: `source`,
    ///   `component`, `group` and `class` when given, so incidents can be filtered by them. No service hint:
    ///   PagerDuty events are always routed by `routing_key`.
    /// - A `timestamp` that cannot be read is not an error (PagerDuty fills in its own): the arrival time is
    ///   used, and the text stays in the details. The routing key is never copied into the details.
    ///
    /// - Parameter generatedKey: the dedup key for a trigger without one (the caller makes a fresh UUID,
    ///   as PagerDuty does: such a trigger always opens a new incident).
    /// - Throws: `.validation`, fields named by their JSON path (`payload.summary`).
    public func normalized(generatedKey: String, now: Date) throws(IncidentError) -> NormalizedAlert {
        var validator = FieldValidator()
        if AlertText.nonBlank(routingKey) == nil { validator.fail("routing_key", "is missing or blank") }
        let action = self.action
        if let eventAction, action == nil {
            validator.fail("event_action", "must be one of trigger, acknowledge, resolve (got \"\(eventAction)\")")
        } else if eventAction == nil {
            validator.fail("event_action", "is missing or blank")
        }
        if let dedupKey, dedupKey.unicodeScalars.count > Self.dedupKeyMaxLength {
            validator.fail(
                "dedup_key",
                "must be at most \(Self.dedupKeyMaxLength) characters (got \(dedupKey.unicodeScalars.count))")
        }
        if action == .acknowledge || action == .resolve, AlertText.nonBlank(dedupKey) == nil {
            validator.fail("dedup_key", "is required for \(eventAction ?? "this event_action")")
        }
        var severity = Severity.default
        if action == .trigger {
            if let payload {
                if let summary = AlertText.nonBlank(payload.summary) {
                    let count = summary.unicodeScalars.count
                    if count > Self.summaryMaxLength {
                        validator.fail(
                            "payload.summary", "must be at most \(Self.summaryMaxLength) characters (got \(count))")
                    }
                } else {
                    validator.fail("payload.summary", "is missing or blank")
                }
                if AlertText.nonBlank(payload.source) == nil { validator.fail("payload.source", "is missing or blank") }
                if let text = payload.severity {
                    if let parsed = Severity(pagerDuty: text) {
                        severity = parsed
                    } else {
                        validator.fail(
                            "payload.severity", "must be one of critical, error, warning, info (got \"\(text)\")")
                    }
                } else {
                    validator.fail("payload.severity", "is missing or blank")
                }
            } else {
                validator.fail("payload", "is required for trigger")
            }
        }
        for (index, link) in (links ?? []).enumerated() where AlertText.nonBlank(link.href) == nil {
            validator.fail("links[\(index)].href", "is missing or blank")
        }
        for (index, image) in (images ?? []).enumerated() where AlertText.nonBlank(image.src) == nil {
            validator.fail("images[\(index)].src", "is missing or blank")
        }
        try validator.finish()

        let senderKey = responseDedupKey(generatedKey: generatedKey)
        let key = AlertKey.dedupKey(fromSenderKey: senderKey)
        let resolvedAction = action ?? .trigger
        let title =
            AlertText.headline(payload?.summary)
            ?? AlertText.headline("PagerDuty \(resolvedAction.rawValue) for \(senderKey)") ?? "PagerDuty event"
        var labels: [String: String] = [:]
        var details: [String: JSONValue] = [:]
        if let payload {
            for (name, value) in [
                ("source", payload.source), ("component", payload.component), ("group", payload.group),
                ("class", payload.eventClass),
            ] {
                if let value = AlertText.nonBlank(value) {
                    labels[name] = value
                    details[name] = .string(value)
                }
            }
            if let customDetails = payload.customDetails { details["custom_details"] = customDetails }
            if let timestamp = payload.timestamp { details["timestamp"] = .string(timestamp) }
        }
        if let client { details["client"] = .string(client) }
        if let clientURL { details["client_url"] = .string(clientURL) }
        var alertLinks: [AlertLink] = []
        for link in links ?? [] {
            guard let href = AlertText.nonBlank(link.href) else { continue }
            alertLinks.append(AlertLink(href: href, text: AlertText.nonBlank(link.text) ?? href))
        }
        for image in images ?? [] {
            guard let src = AlertText.nonBlank(image.src) else { continue }
            alertLinks.append(
                AlertLink(href: AlertText.nonBlank(image.href) ?? src, text: AlertText.nonBlank(image.alt) ?? "Image"))
        }
        if let clientURL = AlertText.nonBlank(clientURL) {
            alertLinks.append(AlertLink(href: clientURL, text: AlertText.nonBlank(client) ?? "Client"))
        }
        let startsAt = payload?.timestamp.flatMap(AlertTimestamp.parse).flatMap {
            AlertTimestamp.isUnset($0) ? nil : $0
        }
        return NormalizedAlert(
            source: .pagerDuty, action: resolvedAction, dedupKey: key, alertKey: key, title: title,
            summary: AlertText.body(payload?.summary), severity: severity, labels: labels, serviceHint: nil,
            startsAt: startsAt ?? now, startsAtIsReceipt: startsAt == nil, links: alertLinks, details: details,
            describesAlert: payload != nil)
    }
}
