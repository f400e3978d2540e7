import Foundation

extension OpsgenieAlert {
    /// The create request as a `trigger`, refused where Opsgenie refuses it: `message` required and at most
    /// 130 characters, the other limits of `Limits`, `priority` exactly P1...P5.
    ///
    /// Dedup key: `alias`, else `generatedKey` (the caller makes a fresh one: without an alias every create
    /// is a new alert). Title: `message`; summary: `description` (cut to 10,000). Severity: P1...P5 →
    /// sev1...sev5, P3 when absent. Labels: the string `details`, plus `entity` and `source`; the service
    /// hint is `details.service`. Tags, responders, actions, user and note stay in the details.
    public func normalized(generatedKey: String, now: Date) throws(IncidentError) -> NormalizedAlert {
        var validator = FieldValidator()
        if let message = AlertText.nonBlank(message) {
            Self.check(message.trimmedWhitespace, field: "message", limit: Limits.message, in: &validator)
        } else {
            validator.fail("message", "is required")
        }
        Self.check(alias, field: "alias", limit: Limits.alias, in: &validator)
        Self.check(description, field: "description", limit: Limits.description, in: &validator)
        Self.check(entity, field: "entity", limit: Limits.entity, in: &validator)
        Self.check(source, field: "source", limit: Limits.source, in: &validator)
        Self.check(user, field: "user", limit: Limits.user, in: &validator)
        Self.check(note, field: "note", limit: Limits.note, in: &validator)
        if let actions, actions.count > Limits.actions {
            validator.fail("actions", "must have at most \(Limits.actions) entries (got \(actions.count))")
        }
        if let tags, tags.count > Limits.tags {
            validator.fail("tags", "must have at most \(Limits.tags) entries (got \(tags.count))")
        }
        var severity = Severity.sev3
        if let priority {
            if let parsed = Severity(opsgeniePriority: priority) {
                severity = parsed
            } else {
                validator.fail("priority", "must be one of P1, P2, P3, P4, P5 (got \"\(priority)\")")
            }
        }
        try validator.finish()

        let key = AlertKey.dedupKey(fromSenderKey: AlertText.nonBlank(alias) ?? generatedKey)
        var labels: [String: String] = [:]
        for (name, value) in details ?? [:] {
            if let text = value.stringValue { labels[name] = text }
        }
        if let entity = AlertText.nonBlank(entity) { labels["entity"] = entity }
        if let source = AlertText.nonBlank(source) { labels["source"] = source }
        var raw: [String: JSONValue] = ["priority": .string(priority ?? "P3")]
        if let alias { raw["alias"] = .string(alias) }
        if let details { raw["details"] = .object(details) }
        if let tags { raw["tags"] = .array(tags.map(JSONValue.string)) }
        if let actions { raw["actions"] = .array(actions.map(JSONValue.string)) }
        if let responders { raw["responders"] = .array(responders) }
        if let visibleTo { raw["visibleTo"] = .array(visibleTo) }
        for (name, value) in [("entity", entity), ("source", source), ("user", user), ("note", note)] {
            if let value { raw[name] = .string(value) }
        }
        let title = AlertText.headline(message) ?? "Opsgenie alert"
        return NormalizedAlert(
            source: .opsgenie, action: .trigger, dedupKey: key, alertKey: key, title: title,
            summary: AlertText.body(description), severity: severity, labels: labels,
            serviceHint: AlertText.nonBlank(details?["service"]?.stringValue), startsAt: now,
            startsAtIsReceipt: true, details: raw)
    }

    /// Records "must be at most N characters" when `value` is longer than `limit` scalars.
    static func check(_ value: String?, field: String, limit: Int, in validator: inout FieldValidator) {
        guard let value else { return }
        let count = value.unicodeScalars.count
        if count > limit { validator.fail(field, "must be at most \(limit) characters (got \(count))") }
    }
}
