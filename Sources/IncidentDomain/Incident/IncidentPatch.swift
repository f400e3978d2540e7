/// The body of `PATCH /api/v1/incidents/{id}`, as the client sent it. Each field is optional: absent
/// means unchanged, `null` clears the clearable ones (`summary` to empty, `commander`, `labels` to none);
/// `null` for `title`, `severity` or `service` is an error (every incident has a service: move it to
/// another, such as `default`). `labels` replaces the whole map. `impact_started_at` (RFC 3339) sets when
/// the impact began, for error budgets; `null` goes back to the first alert or the creation.
/// `validate()` makes an `IncidentEdit`.
public struct IncidentPatch: Hashable, Sendable, Decodable {
    public var title: PatchField<String>?
    public var summary: PatchField<String>?
    public var severity: PatchField<String>?
    public var service: PatchField<ServiceReference>?
    public var commander: PatchField<String>?
    public var labels: PatchField<[String: String]>?
    public var impactStartedAt: PatchField<String>?

    public init(
        title: PatchField<String>? = nil, summary: PatchField<String>? = nil, severity: PatchField<String>? = nil,
        service: PatchField<ServiceReference>? = nil, commander: PatchField<String>? = nil,
        labels: PatchField<[String: String]>? = nil, impactStartedAt: PatchField<String>? = nil
    ) {
        self.title = title
        self.summary = summary
        self.severity = severity
        self.service = service
        self.commander = commander
        self.labels = labels
        self.impactStartedAt = impactStartedAt
    }

    enum CodingKeys: String, CodingKey {
        case title, summary, severity, service, commander, labels
        case impactStartedAt = "impact_started_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodePatchField(String.self, forKey: .title)
        summary = try container.decodePatchField(String.self, forKey: .summary)
        severity = try container.decodePatchField(String.self, forKey: .severity)
        service = try container.decodePatchField(ServiceReference.self, forKey: .service)
        commander = try container.decodePatchField(String.self, forKey: .commander)
        labels = try container.decodePatchField([String: String].self, forKey: .labels)
        impactStartedAt = try container.decodePatchField(String.self, forKey: .impactStartedAt)
    }

    /// True when the client sent no field at all.
    public var isEmpty: Bool {
        title == nil && summary == nil && severity == nil && service == nil && commander == nil && labels == nil
            && impactStartedAt == nil
    }

    /// Checks every given field and reports all problems at once as `.validation`. An empty patch is
    /// valid (and changes nothing).
    public func validate() throws(IncidentError) -> IncidentEdit {
        var validator = FieldValidator()
        var edit = IncidentEdit()
        switch title {
        case .set(let value):
            edit.title = validator.presentLine(value, field: "title", length: DomainLimits.titleLength)
        case .clear: validator.fail("title", "cannot be null")
        case nil: break
        }
        switch summary {
        case .set(let value):
            edit.summary = validator.text(value, field: "summary", maxLength: DomainLimits.summaryMaxLength)
        case .clear: edit.summary = ""
        case nil: break
        }
        switch severity {
        case .set(let value):
            if let parsed = Severity(parsing: value) {
                edit.severity = parsed
            } else {
                validator.fail("severity", Severity.expectation)
            }
        case .clear: validator.fail("severity", "cannot be null")
        case nil: break
        }
        switch service {
        case .set(let reference):
            if let problem = reference.problem() { validator.fail("service", problem) }
            edit.service = service
        case .clear: validator.fail("service", "cannot be null; move the incident to another service")
        case nil: break
        }
        switch commander {
        case .set(let value):
            if let handle = validator.presentLine(value, field: "commander", length: DomainLimits.commanderLength) {
                edit.commander = .set(handle)
            }
        case .clear: edit.commander = .clear
        case nil: break
        }
        switch labels {
        case .set(let value): edit.labels = validator.labels(value, field: "labels")
        case .clear: edit.labels = [:]
        case nil: break
        }
        switch impactStartedAt {
        case .set(let text):
            if let date = Timestamp.parse(text) {
                edit.impactStartedAt = .set(date)
            } else {
                validator.fail("impact_started_at", "must be an RFC 3339 date-time (2026-11-27T08:30:00Z)")
            }
        case .clear: edit.impactStartedAt = .clear
        case nil: break
        }
        try validator.finish()
        return edit
    }
}
