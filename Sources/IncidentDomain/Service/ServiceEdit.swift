/// A validated service patch: nil fields stay unchanged. Made by `ServicePatch.validate()`.
public struct ServiceEdit: Hashable, Sendable {
    public var name: String?
    public var description: String?
    public var routingLabels: [String: String]?

    init(name: String? = nil, description: String? = nil, routingLabels: [String: String]? = nil) {
        self.name = name
        self.description = description
        self.routingLabels = routingLabels
    }
}
