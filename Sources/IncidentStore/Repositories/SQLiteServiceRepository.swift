import Foundation
import IncidentDomain
import SQLiteCore

/// `ServiceRepository` on SQLite: one transaction per method; a taken name is `IncidentError.conflict`.
/// Integration-key lookups are cached (`IntegrationKeyCache`); every service write empties the cache, so a
/// pool's services are written through the repositories of one ``KlaxonStore``, which share it.
public struct SQLiteServiceRepository: ServiceRepository {
    let pool: DatabasePool
    let keyCache: IntegrationKeyCache

    /// A repository over an open, migrated pool (see ``KlaxonStore``).
    public init(pool: DatabasePool) {
        self.init(pool: pool, keyCache: IntegrationKeyCache())
    }

    init(pool: DatabasePool, keyCache: IntegrationKeyCache) {
        self.pool = pool
        self.keyCache = keyCache
    }

    public func create(_ draft: ServiceDraft, integrationKey: String, at now: Date) async throws -> Service {
        try await pool.repositoryWrite { db in try Self.create(draft, integrationKey: integrationKey, at: now, in: db) }
    }

    /// The body of `create` on a write connection the caller holds (a service created with its escalation
    /// policy, in one transaction).
    static func create(_ draft: ServiceDraft, integrationKey: String, at now: Date, in db: Connection) throws
        -> Service
    {
        let nextID = try db.queryValue("SELECT coalesce(max(id), 0) + 1 FROM services", as: Int64.self) ?? 1
        let service = ServiceRows.stored(
            draft.makeService(id: ServiceID(nextID), integrationKey: integrationKey, at: now))
        if let keeper = try ServiceRows.keeperOfFormerName(service.name, in: db) {
            throw ServiceRows.formerNameConflict(service.name, keeper: keeper)
        }
        do {
            try db.execute(
                "INSERT INTO services (\(ServiceRows.storedColumns), integration_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    service.id.rawValue, service.name, service.description, JSONText.encode(service.routingLabels),
                    service.integrationKeyPrefix, Timestamp.milliseconds(service.createdAt),
                    Timestamp.milliseconds(service.updatedAt), ObjectiveJSON.encode(service.slo),
                    IntegrationKeyHash.hex(of: integrationKey),
                ])
        } catch let error as SQLiteError where error.isUniqueConstraint {
            throw Self.conflict(for: error, name: service.name)
        }
        return service
    }

    public func service(_ reference: ServiceReference) async throws -> Service {
        try await pool.repositoryRead { db in try ServiceRows.require(reference, in: db) }
    }

    public func unknownServiceError(_ reference: ServiceReference, field: String) async throws -> IncidentError? {
        try await pool.repositoryRead { db in
            try ServiceRows.find(reference, in: db) == nil ? ServiceRows.unknown(reference, field: field, in: db) : nil
        }
    }

    public func service(integrationKey: String) async throws -> Service? {
        let hash = IntegrationKeyHash.hex(of: integrationKey)
        let cached = keyCache.lookup(hash)
        if let service = cached.service { return service }
        let found = try await pool.repositoryRead { db in
            try db.queryFirst(
                "SELECT \(ServiceRows.columns) FROM services WHERE integration_key = ?", [hash], row: ServiceRows.read)
        }
        if let found { keyCache.remember(found, forHash: hash, readAt: cached.generation) }
        return found
    }

    public func list() async throws -> [Service] {
        try await pool.repositoryRead { db in
            try db.query("SELECT \(ServiceRows.columns) FROM services ORDER BY name", row: ServiceRows.read)
        }
    }

    public func update(_ reference: ServiceReference, _ edit: ServiceEdit, at now: Date) async throws -> Service {
        defer { keyCache.invalidate() }
        return try await pool.repositoryWrite { db in try Self.update(reference, edit, at: now, in: db) }
    }

    /// The body of `update` on a write connection the caller holds.
    static func update(_ reference: ServiceReference, _ edit: ServiceEdit, at now: Date, in db: Connection) throws
        -> Service
    {
        let current = try ServiceRows.requireCurrent(reference, in: db)
        let next = ServiceRows.stored(try current.applying(edit, at: now))
        if next == current { return current }
        if next.name != current.name, let keeper = try ServiceRows.keeperOfFormerName(next.name, other: next.id, in: db)
        {
            throw ServiceRows.formerNameConflict(next.name, keeper: keeper)
        }
        try Self.write(next, in: db)
        try ServiceRows.writeFormerNames(of: next, replacing: current.formerNames, at: now, in: db)
        return next
    }

    public func delete(_ reference: ServiceReference) async throws {
        defer { keyCache.invalidate() }
        try await pool.repositoryWrite { db in
            let service = try ServiceRows.requireCurrent(reference, in: db)
            let open =
                try db.queryValue(
                    """
                    SELECT count(*) FROM incidents
                    WHERE service_id = ? AND \(SQLiteIncidentRepository.openCondition)
                    """,
                    [service.id.rawValue], as: Int.self) ?? 0
            try service.checkDeletable(openIncidentCount: open)
            // Resolved and closed incidents keep their history and lose the link (ON DELETE SET NULL).
            try db.execute("DELETE FROM services WHERE id = ?", [service.id.rawValue])
        }
    }

    public func rotateKey(_ reference: ServiceReference, newKey: String, at now: Date) async throws -> Service {
        defer { keyCache.invalidate() }
        return try await pool.repositoryWrite { db in
            let current = try ServiceRows.requireCurrent(reference, in: db)
            let next = ServiceRows.stored(current.rotatingKey(to: newKey, at: now))
            try Self.write(next, in: db)
            do {
                try db.execute(
                    "UPDATE services SET integration_key = ? WHERE id = ?",
                    [IntegrationKeyHash.hex(of: newKey), next.id.rawValue])
            } catch let error as SQLiteError where error.isUniqueConstraint {
                throw Self.conflict(for: error, name: next.name)
            }
            return next
        }
    }

    /// Writes every column of an existing service but the key's hash; a taken name is a conflict.
    static func write(_ service: Service, in db: Connection) throws {
        do {
            try db.execute(
                """
                UPDATE services SET name = ?, description = ?, routing_labels = ?, integration_key_prefix = ?,
                    updated_at = ?, slo = ?
                WHERE id = ?
                """,
                [
                    service.name, service.description, JSONText.encode(service.routingLabels),
                    service.integrationKeyPrefix,
                    Timestamp.milliseconds(service.updatedAt), ObjectiveJSON.encode(service.slo), service.id.rawValue,
                ])
        } catch let error as SQLiteError where error.isUniqueConstraint {
            throw conflict(for: error, name: service.name)
        }
    }

    /// The conflict for a unique violation: the name, or (improbably) the integration key.
    static func conflict(for error: SQLiteError, name: String) -> IncidentError {
        if error.message.contains("integration_key") {
            return .conflict("another service already has this integration key")
        }
        return .conflict("a service named \(name) already exists")
    }
}
