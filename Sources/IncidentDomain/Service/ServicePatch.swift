/// The body of `PATCH /api/v1/services/{id}`: each field optional, absent means unchanged.
/// `routing_labels` replaces the whole map.
public struct ServicePatch: Hashable, Sendable, Decodable {
    public var name: String?
    public var description: String?
    public var routingLabels: [String: String]?
    /// A new SLO replacing the old one whole, or null to declare none.
    public var slo: PatchField<NewServiceLevelObjective>?
    /// The names the service still answers to besides its own, replacing the list whole; `[]` forgets them
    /// all. A rename without it adds the old name.
    public var formerNames: [String]?

    /// The most former names one service keeps when a patch sets them.
    public static let formerNamesMaxCount = 32

    public init(
        name: String? = nil, description: String? = nil, routingLabels: [String: String]? = nil,
        slo: PatchField<NewServiceLevelObjective>? = nil, formerNames: [String]? = nil
    ) {
        self.name = name
        self.description = description
        self.routingLabels = routingLabels
        self.slo = slo
        self.formerNames = formerNames
    }

    enum CodingKeys: String, CodingKey {
        case name, description, slo
        case routingLabels = "routing_labels"
        case formerNames = "former_names"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeUnlessAbsent(String.self, forKey: .name)
        description = try container.decodeUnlessAbsent(String.self, forKey: .description)
        routingLabels = try container.decodeUnlessAbsent([String: String].self, forKey: .routingLabels)
        slo = try container.decodePatchField(NewServiceLevelObjective.self, forKey: .slo)
        formerNames = try container.decodeUnlessAbsent([String].self, forKey: .formerNames)
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
        if let formerNames {
            if formerNames.count > Self.formerNamesMaxCount {
                validator.fail("former_names", "at most \(Self.formerNamesMaxCount) names")
            }
            var seen = Set<String>()
            for (index, name) in formerNames.enumerated() {
                if let valid = validator.name(name, field: "former_names[\(index)]"), !seen.insert(valid).inserted {
                    validator.fail("former_names[\(index)]", "\(name) is given twice")
                }
            }
            edit.formerNames = Array(seen)
        }
        try validator.finish()
        return edit
    }
}
