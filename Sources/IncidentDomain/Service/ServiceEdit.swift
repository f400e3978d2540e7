/// A validated service patch: nil fields stay unchanged. Made by `ServicePatch.validate()`.
public struct ServiceEdit: Hashable, Sendable {
    public internal(set) var name: String?
    public internal(set) var description: String?
    public internal(set) var routingLabels: [String: String]?
    /// `.clear` removes the service's SLO.
    public internal(set) var slo: PatchField<ServiceLevelObjective>?
    /// The former names, replacing the list whole (distinct, valid names).
    public internal(set) var formerNames: [String]?

    init(name: String? = nil, description: String? = nil, routingLabels: [String: String]? = nil) {
        self.name = name
        self.description = description
        self.routingLabels = routingLabels
    }
}
