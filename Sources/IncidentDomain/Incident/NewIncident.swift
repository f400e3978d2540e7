/// The body of `POST /api/v1/incidents`, as the client sent it (the severity still a string, so an
/// unknown one is a field error like any other); `validate()` makes an `IncidentDraft`.
public struct NewIncident: Hashable, Sendable, Codable {
    /// Required; 1...200 characters after trimming, one line.
    public var title: String?
    /// Up to 10,000 characters.
    public var summary: String?
    /// `sev1`...`sev5` (case ignored); `sev3` when absent.
    public var severity: String?
    /// The affected service by id or name; the `default` service when absent. The store resolves it
    /// (an unknown one is a field error).
    public var service: ServiceReference?
    /// At most 64; keys 1...100 of `A-Za-z0-9_-./`, values up to 500.
    public var labels: [String: String]?
    /// 1...255; an open incident of the same service with this key is returned instead of a new one.
    public var dedupKey: String?

    public init(
        title: String?, summary: String? = nil, severity: String? = nil, service: ServiceReference? = nil,
        labels: [String: String]? = nil, dedupKey: String? = nil
    ) {
        self.title = title
        self.summary = summary
        self.severity = severity
        self.service = service
        self.labels = labels
        self.dedupKey = dedupKey
    }

    enum CodingKeys: String, CodingKey {
        case title, summary, severity, service, labels
        case dedupKey = "dedup_key"
    }

    /// Checks every field and reports all problems at once as `.validation`, fields in body order.
    public func validate() throws(IncidentError) -> IncidentDraft {
        var validator = FieldValidator()
        let title = validator.line(title, field: "title", length: DomainLimits.titleLength)
        let summary = summary.flatMap { validator.text($0, field: "summary", maxLength: DomainLimits.summaryMaxLength) }
        let severity = validator.severity(self.severity, default: .default)
        if let problem = service?.problem() {
            validator.fail("service", problem)
        }
        let labels = validator.labels(labels ?? [:], field: "labels")
        if let dedupKey {
            validator.checkDedupKey(dedupKey)
        }
        try validator.finish()
        return IncidentDraft(
            title: title ?? "", summary: summary ?? "", severity: severity,
            service: service ?? .name(Service.defaultName), labels: labels,
            dedupKey: dedupKey)
    }
}

extension FieldValidator {
    /// Dedup keys are opaque: not trimmed, 1...255 characters, no control characters.
    mutating func checkDedupKey(_ key: String, field: String = "dedup_key") {
        let count = key.unicodeScalars.count
        if count < DomainLimits.dedupKeyLength.lowerBound {
            fail(field, "must not be empty")
        } else if count > DomainLimits.dedupKeyLength.upperBound {
            fail(field, "must be at most \(DomainLimits.dedupKeyLength.upperBound) characters (got \(count))")
        } else if key.unicodeScalars.contains(where: \.isControl) {
            fail(field, "must not contain control characters")
        }
    }
}
