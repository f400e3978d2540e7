/// The service an incident belongs to, as the incident carries it: id and name together, so an
/// incident can be shown without a second lookup.
public struct ServiceRef: Hashable, Sendable, Codable {
    public var id: ServiceID
    public var name: String

    public init(id: ServiceID, name: String) {
        self.id = id
        self.name = name
    }
}
