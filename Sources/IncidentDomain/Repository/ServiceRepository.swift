import Foundation

/// Storage of services. Every method is one transaction. The store creates the `default` service in its
/// first migration (with a key the API replaces on first start, or generated in SQL).
public protocol ServiceRepository: Sendable {
    /// Inserts a service (`draft.makeService(id:integrationKey:at:)`); `IncidentError.conflict` when the
    /// name is taken. The caller generates `integrationKey` (random, at least 32 bytes of entropy).
    func create(_ draft: ServiceDraft, integrationKey: String, at now: Date) async throws -> Service

    /// The service with this id or name; `IncidentError.notFound(.service, ...)` when there is none.
    func service(_ reference: ServiceReference) async throws -> Service

    /// The service that owns this integration key, or nil (the ingestion routes and authenticates by it).
    func service(integrationKey: String) async throws -> Service?

    /// Every service, by name.
    func list() async throws -> [Service]

    /// Applies a validated edit (`Service.applying(_:)`); `conflict` for a taken name or a renamed
    /// `default`; `notFound` when there is no such service.
    func update(_ reference: ServiceReference, _ edit: ServiceEdit) async throws -> Service

    /// Deletes a service after `Service.checkDeletable(openIncidentCount:)` in the same transaction
    /// (`conflict` for `default` or while incidents of it are open); its resolved and closed incidents
    /// lose the link (their `service` becomes nil). `notFound` when there is no such service.
    func delete(_ reference: ServiceReference) async throws

    /// Replaces the integration key (the old one stops working at once) and returns the service.
    func rotateKey(_ reference: ServiceReference, newKey: String) async throws -> Service
}
