/// The body of `POST /api/v1/services`, as the client sent it; `validate()` makes a `ServiceDraft`.
public struct NewService: Hashable, Sendable, Codable {
    public var name: String?
    public var description: String?
    public var routingLabels: [String: String]?
    /// The service's SLO; absent or null declares none.
    public var slo: NewServiceLevelObjective?

    public init(
        name: String?, description: String? = nil, routingLabels: [String: String]? = nil,
        slo: NewServiceLevelObjective? = nil
    ) {
        self.name = name
        self.description = description
        self.routingLabels = routingLabels
        self.slo = slo
    }

    enum CodingKeys: String, CodingKey {
        case name, description, slo
        case routingLabels = "routing_labels"
    }

    /// Checks every field and reports all problems at once as `.validation`.
    public func validate() throws(IncidentError) -> ServiceDraft {
        var validator = FieldValidator()
        let name = validator.name(name, field: "name")
        let description = description.flatMap {
            validator.text($0.trimmedWhitespace, field: "description", maxLength: DomainLimits.descriptionMaxLength)
        }
        let labels = validator.labels(routingLabels ?? [:], field: "routing_labels")
        if let slo { validator.objective(slo, field: "slo") }
        try validator.finish()
        return ServiceDraft(
            name: name ?? "", description: description ?? "", routingLabels: labels, slo: slo?.makeObjective())
    }
}
