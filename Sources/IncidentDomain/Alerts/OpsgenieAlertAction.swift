import Foundation

/// The body of Opsgenie's `POST /v2/alerts/{identifier}/close` and `.../acknowledge` (all optional:
/// `user` at most 100 characters, `source` 100, `note` 25,000), with the identifier from the path.
public struct OpsgenieAlertAction: Hashable, Sendable, Decodable {
    /// Which of the two endpoints was called.
    public enum Kind: String, Hashable, Sendable {
        case close, acknowledge
    }

    public var user: String?
    public var source: String?
    public var note: String?

    public init(user: String? = nil, source: String? = nil, note: String? = nil) {
        self.user = user
        self.source = source
        self.note = note
    }

    /// The request as a `resolve` (close) or `acknowledge` of the alert whose alias is `identifier`.
    ///
    /// Klaxon knows alerts by alias only (it never hands out Opsgenie alert ids), so `identifierType` must be
    /// `alias`; when it is absent the identifier is read as an alias too (Opsgenie would read it as an id,
    /// which could not match anything here). `id` and `tiny` are refused on `identifierType`.
    public func normalized(
        _ kind: Kind, identifier: String, identifierType: String?, now: Date
    ) throws(IncidentError) -> NormalizedAlert {
        var validator = FieldValidator()
        if identifier.isEmpty { validator.fail("identifier", "is required") }
        if let identifierType, identifierType != "alias" {
            validator.fail(
                "identifierType",
                "must be alias: Klaxon knows Opsgenie-style alerts by alias (got \"\(identifierType)\")")
        }
        OpsgenieAlert.check(identifier, field: "identifier", limit: OpsgenieAlert.Limits.alias, in: &validator)
        OpsgenieAlert.check(user, field: "user", limit: OpsgenieAlert.Limits.user, in: &validator)
        OpsgenieAlert.check(source, field: "source", limit: OpsgenieAlert.Limits.source, in: &validator)
        OpsgenieAlert.check(note, field: "note", limit: OpsgenieAlert.Limits.note, in: &validator)
        try validator.finish()

        let key = AlertKey.dedupKey(fromSenderKey: identifier)
        var details: [String: JSONValue] = ["alias": .string(identifier)]
        for (name, value) in [("user", user), ("source", source), ("note", note)] {
            if let value { details[name] = .string(value) }
        }
        let action: AlertAction = kind == .close ? .resolve : .acknowledge
        return NormalizedAlert(
            source: .opsgenie, action: action, dedupKey: key, alertKey: key,
            title: AlertText.headline("Opsgenie \(kind.rawValue) for \(identifier)") ?? "Opsgenie \(kind.rawValue)",
            summary: "", severity: .default, labels: [:], serviceHint: nil, startsAt: now,
            startsAtIsReceipt: true, details: details, describesAlert: false)
    }
}
