import Foundation

/// Storage of services. Every method is one transaction. The `default` service exists from the first
/// migration on (its integration key generated in SQL). Integration keys are kept only as hashes: a key is
/// known to the caller that generated it, never read back.
public protocol ServiceRepository: Sendable {
    /// Inserts a service (`draft.makeService(id:integrationKey:at:)`); `IncidentError.conflict` when the
    /// name is taken. The caller generates `integrationKey` (random, at least 32 bytes of entropy).
    func create(_ draft: ServiceDraft, integrationKey: String, at now: Date) async throws -> Service

    /// The service with this id or name; `IncidentError.notFound(.service, ...)` when there is none.
    func service(_ reference: ServiceReference) async throws -> Service

    /// Nil when `reference` names a service (by id, name or former name); otherwise the field error on `field`
    /// that a body naming it gets (`IncidentError.unknownService`, with the name probably meant).
    func unknownServiceError(_ reference: ServiceReference, field: String) async throws -> IncidentError?

    /// The service that owns this integration key, or nil (the ingestion routes and authenticates by it).
    func service(integrationKey: String) async throws -> Service?

    /// Every service, by name.
    func list() async throws -> [Service]

    /// Applies a validated edit (`Service.applying(_:at:)`); `conflict` for a taken name or a renamed
    /// `default`; `notFound` when there is no such service.
    func update(_ reference: ServiceReference, _ edit: ServiceEdit, at now: Date) async throws -> Service

    /// Deletes a service after `Service.checkDeletable(openIncidentCount:)` in the same transaction
    /// (`conflict` for `default` or while incidents of it are open); its resolved and closed incidents
    /// lose the link (their `service` becomes nil). `notFound` when there is no such service.
    func delete(_ reference: ServiceReference) async throws

    /// Replaces the integration key (`Service.rotatingKey(to:at:)`; the old one stops working at once) and
    /// returns the service. The caller generates `newKey`.
    func rotateKey(_ reference: ServiceReference, newKey: String, at now: Date) async throws -> Service
}
