/// The body of `PATCH /api/v1/services/{id}`: each field optional, absent means unchanged.
/// `routing_labels` replaces the whole map.
public struct ServicePatch: Hashable, Sendable, Codable {
    public var name: String?
    public var description: String?
    public var routingLabels: [String: String]?

    public init(name: String? = nil, description: String? = nil, routingLabels: [String: String]? = nil) {
        self.name = name
        self.description = description
        self.routingLabels = routingLabels
    }

    enum CodingKeys: String, CodingKey {
        case name, description
        case routingLabels = "routing_labels"
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
        try validator.finish()
        return edit
    }
}
