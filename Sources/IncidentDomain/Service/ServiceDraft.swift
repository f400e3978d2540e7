import Foundation

/// A validated new service; the store adds id, integration key and creation time.
public struct ServiceDraft: Hashable, Sendable {
    public var name: String
    public var description: String
    public var routingLabels: [String: String]

    /// Only `NewService.validate()` (and tests inside the module) make drafts, so a draft is always valid.
    init(name: String, description: String, routingLabels: [String: String]) {
        self.name = name
        self.description = description
        self.routingLabels = routingLabels
    }

    /// The service the store inserts, once it has an id and a key.
    public func makeService(id: ServiceID, integrationKey: String, at now: Date) -> Service {
        Service(
            id: id, name: name, description: description, routingLabels: routingLabels,
            integrationKey: integrationKey, createdAt: now)
    }
}
