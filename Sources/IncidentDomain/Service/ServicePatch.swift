/// The body of `PATCH /api/v1/services/{id}`: each field optional, absent means unchanged.
/// `routing_labels` replaces the whole map.
public struct ServicePatch: Hashable, Sendable, Decodable {
    public var name: String?
    public var description: String?
    public var routingLabels: [String: String]?
    /// A new SLO replacing the old one whole, or null to declare none.
    public var slo: PatchField<NewServiceLevelObjective>?

    public init(
        name: String? = nil, description: String? = nil, routingLabels: [String: String]? = nil,
        slo: PatchField<NewServiceLevelObjective>? = nil
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

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeUnlessAbsent(String.self, forKey: .name)
        description = try container.decodeUnlessAbsent(String.self, forKey: .description)
        routingLabels = try container.decodeUnlessAbsent([String: String].self, forKey: .routingLabels)
        slo = try container.decodePatchField(NewServiceLevelObjective.self, forKey: .slo)
    }

    /// Checks every given field and reports all problems at once as `.validation`.
    public func validate() throws(IncidentError) -> ServiceEdit {
        var validator = FieldValidator()
        var edit = ServiceEdit()
        if let name { edit.name = validator.name(name, field: "name") }
        if let description {
            edit.description = validator.text(
                description.trimmedWhitespace, field: "description", maxLength: DomainLimits.descriptionMaxLength)
        }
        if let routingLabels { edit.routingLabels = validator.labels(routingLabels, field: "routing_labels") }
        switch slo {
        case .set(let objective):
            if validator.objective(objective, field: "slo") { edit.slo = .set(objective.makeObjective()) }
        case .clear: edit.slo = .clear
        case nil: break
        }
        try validator.finish()
        return edit
    }
}
