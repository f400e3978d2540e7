import Foundation

/// A validated new service; the store adds id, integration key and creation time.
/// Its memberwise initializer is internal: only validation (and tests) make drafts, so a draft is
/// always valid.
public struct ServiceDraft: Hashable, Sendable {
    public internal(set) var name: String
    public internal(set) var description: String
    public internal(set) var routingLabels: [String: String]
    public internal(set) var slo: ServiceLevelObjective? = nil

    /// The service the store inserts, once it has an id and a key.
    public func makeService(id: ServiceID, integrationKey: String, at now: Date) -> Service {
        Service(
            id: id, name: name, description: description, routingLabels: routingLabels,
            integrationKeyPrefix: Service.integrationKeyPrefix(of: integrationKey), slo: slo, createdAt: now)
    }
}
