import Foundation

/// Klaxon's own alert JSON for scripts and tools without a format of their own
/// (`POST /api/v1/integrations/generic`):
///
/// ```json
/// {"summary": "Disk almost full on db-1", "severity": "warning", "dedup_key": "disk-db-1",
///  "status": "firing", "labels": {"host": "db-1"}, "service": "payments", "details": {"used": 0.93}}
/// ```
///
/// Being Klaxon's own, it is checked as strictly as the incident API: labels follow the domain's label rules,
/// `service` must be a valid service name. Members it does not know are kept in `details` and named in the
/// answer's `warnings` (scripts often send more than Klaxon reads), except those that look like a mistyped
/// field (`severty`, `Service`), which are refused: dropping them would page at the wrong level or route to
/// the wrong team.
public struct GenericAlert: Hashable, Sendable, Decodable {
    /// The headline; the first line of `summary` when absent.
    public var title: String?
    /// What is wrong; required unless `title` is given.
    public var summary: String?
    /// critical, error, warning, info or sev1...sev5 (case ignored); sev3 when absent.
    public var severity: String?
    /// Required for `resolved`; for `firing` without one the key is derived (see `normalized`).
    public var dedupKey: String?
    /// `firing` (default) or `resolved`.
    public var status: String?
    public var labels: [String: String]?
    /// Anything else worth keeping, shown on the timeline.
    public var details: [String: JSONValue]?
    /// The sending system, for people.
    public var source: String?
    /// The service to route to when the request is not routed by an integration key.
    public var service: String?
    /// Members of the body that are none of the above, by name: kept in `details`, or refused by `normalized`
    /// when the name looks like a mistyped field.
    var unknownMembers: [String: JSONValue] = [:]

    public init(
        title: String? = nil, summary: String?, severity: String? = nil, dedupKey: String? = nil,
        status: String? = nil, labels: [String: String]? = nil, details: [String: JSONValue]? = nil,
        source: String? = nil, service: String? = nil
    ) {
        self.title = title
        self.summary = summary
        self.severity = severity
        self.dedupKey = dedupKey
        self.status = status
        self.labels = labels
        self.details = details
        self.source = source
        self.service = service
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summary, severity
        case dedupKey = "dedup_key"
        case status, labels, details, source, service
    }

    /// Any member name, to find the unknown ones.
    private struct MemberName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        severity = try container.decodeIfPresent(String.self, forKey: .severity)
        dedupKey = try container.decodeIfPresent(String.self, forKey: .dedupKey)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels)
        details = try container.decodeIfPresent([String: JSONValue].self, forKey: .details)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        service = try container.decodeIfPresent(String.self, forKey: .service)
        let known = Set(CodingKeys.allCases.map(\.stringValue))
        let members = try decoder.container(keyedBy: MemberName.self)
        for member in members.allKeys where !known.contains(member.stringValue) {
            unknownMembers[member.stringValue] = try members.decode(JSONValue.self, forKey: member)
        }
    }

    /// The alert in Klaxon's terms.
    ///
    /// - Title: `title`, else the first line of `summary` (cut to 200); summary: `summary` (at most 10,000).
    /// - Dedup key: `dedup_key` (1...255, no control characters); without one, a firing alert's key is the
    ///   label fingerprint (`AlertKey.fingerprint`) of its labels, or, without labels, of its title, so
    ///   retries of the same alert meet the same incident.
    /// - Throws: `.validation` with every problem at once.
    public func normalized(now: Date) throws(IncidentError) -> NormalizedAlert {
        var validator = FieldValidator()
        let knownNames = CodingKeys.allCases.map(\.stringValue)
        var keptMembers: [String] = []
        var warnings: [String] = []
        for name in unknownMembers.keys.sorted() {
            let shown = Self.shortened(name)
            if let meant = MemberNameSimilarity.intended(name, among: knownNames, aliases: ["state": "status"]) {
                validator.fail(
                    shown,
                    "is not a field of a generic alert; did you mean \"\(meant)\"? (a mistyped field is "
                        + "refused rather than ignored)")
            } else if Self.looksLikeCredential(name) {
                warnings.append(
                    "\"\(shown)\" is not a field of a generic alert; dropped unread (it looks like a credential)")
            } else {
                keptMembers.append(name)
            }
        }
        let action: AlertAction
        switch status {
        case nil, "firing": action = .trigger
        case "resolved": action = .resolve
        case let other?:
            validator.fail("status", "must be firing or resolved (got \"\(other)\")")
            action = .trigger
        }
        var title: String?
        if let given = self.title {
            title = validator.presentLine(given, field: "title", length: DomainLimits.titleLength)
        } else if AlertText.nonBlank(summary) == nil {
            validator.fail("summary", "is required")
        }
        let summary = self.summary.flatMap {
            validator.text($0, field: "summary", maxLength: DomainLimits.summaryMaxLength)
        }
        var severity = Severity.default
        if let text = self.severity {
            if let parsed = Severity(genericAlert: text) {
                severity = parsed
            } else {
                validator.fail(
                    "severity", "must be one of critical, error, warning, info, sev1...sev5 (got \"\(text)\")")
            }
        }
        if let dedupKey {
            validator.checkDedupKey(dedupKey)
        } else if action == .resolve {
            validator.fail("dedup_key", "is required to resolve an alert")
        }
        let labels = validator.labels(labels ?? [:], field: "labels")
        if let service, let problem = FieldValidator.nameProblem(service) {
            validator.fail("service", "service name \(problem)")
        }
        try validator.finish()

        let headline = title ?? AlertText.headline(summary) ?? "Alert"
        let key = dedupKey ?? AlertKey.fingerprint(labels: labels.isEmpty ? ["title": headline] : labels)
        var details = details ?? [:]
        if let source { details["source"] = .string(source) }
        for name in keptMembers {
            let shown = Self.shortened(name)
            if details[name] == nil {
                details[name] = unknownMembers[name]
                warnings.append("\"\(shown)\" is not a field of a generic alert; kept in details")
            } else {
                warnings.append("\"\(shown)\" is not a field of a generic alert; ignored (details has one)")
            }
        }
        return NormalizedAlert(
            source: .generic, action: action, dedupKey: key, alertKey: key, title: headline,
            summary: summary ?? "", severity: severity, labels: labels,
            serviceHint: service ?? AlertText.nonBlank(labels["service"]), startsAt: now, startsAtIsReceipt: true,
            details: details, warnings: warnings)
    }

    /// A member name as answers and logs show it: at most 100 characters.
    static func shortened(_ name: String) -> String {
        name.count > 100 ? String(name.prefix(100)) + "…" : name
    }

    /// Whether an unknown member's name says it holds a credential (`routing_key`, `api_token`, `password`):
    /// such a member is not kept, since details are shown to every reader of the incident.
    static func looksLikeCredential(_ name: String) -> Bool {
        let folded = name.lowercased().filter { $0.isLetter }
        return [
            "token", "secret", "password", "passwd", "authorization", "credential", "apikey", "routingkey",
            "integrationkey", "accesskey", "privatekey", "geniekey",
        ].contains { folded.contains($0) }
    }
}
