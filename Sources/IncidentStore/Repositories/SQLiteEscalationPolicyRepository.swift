import Foundation
import IncidentDomain
import SQLiteCore

/// `EscalationPolicyRepository` on SQLite: one transaction per method; reachability is checked against the
/// users and schedules of the same transaction.
public struct SQLiteEscalationPolicyRepository: EscalationPolicyRepository {
    let pool: DatabasePool
    /// The service repository's cache of integration-key lookups, emptied after `updateService`.
    let serviceKeyCache: IntegrationKeyCache

    public init(pool: DatabasePool) {
        self.init(pool: pool, serviceKeyCache: IntegrationKeyCache())
    }

    init(pool: DatabasePool, serviceKeyCache: IntegrationKeyCache) {
        self.pool = pool
        self.serviceKeyCache = serviceKeyCache
    }

    public func create(_ draft: EscalationPolicyDraft, at now: Date) async throws -> EscalationPolicy {
        try await pool.repositoryWrite { db in
            try Self.checkReachable(draft, in: db)
            let nextID =
                try db.queryValue("SELECT coalesce(max(id), 0) + 1 FROM escalation_policies", as: Int64.self) ?? 1
            let policy = EscalationPolicyRows.stored(
                EscalationPolicy(
                    id: EscalationPolicyID(nextID), name: draft.name, levels: draft.levels,
                    repeatCount: draft.repeatCount, createdAt: now))
            try EscalationPolicyRows.write(policy, insert: true, in: db)
            return policy
        }
    }

    public func policy(_ reference: OnCallReference) async throws -> EscalationPolicy {
        try await pool.repositoryRead { db in try EscalationPolicyRows.require(reference, in: db) }
    }

    public func list() async throws -> [EscalationPolicy] {
        try await pool.repositoryRead { db in
            try db.query(
                "SELECT \(EscalationPolicyRows.columns) FROM escalation_policies ORDER BY name",
                row: EscalationPolicyRows.read)
        }
    }

    public func replace(_ reference: OnCallReference, with draft: EscalationPolicyDraft, at now: Date) async throws
        -> EscalationPolicy
    {
        try await pool.repositoryWrite { db in
            let current = try EscalationPolicyRows.require(reference, in: db)
            try Self.checkReachable(draft, in: db)
            var next = current
            next.name = draft.name
            next.levels = draft.levels
            next.repeatCount = draft.repeatCount
            next.updatedAt = now
            next = EscalationPolicyRows.stored(next)
            try EscalationPolicyRows.write(next, insert: false, in: db)
            return next
        }
    }

    public func delete(_ reference: OnCallReference) async throws {
        try await pool.repositoryWrite { db in
            let policy = try EscalationPolicyRows.require(reference, in: db)
            if let service = try db.queryValue(
                "SELECT name FROM services WHERE escalation_policy_id = ? ORDER BY name LIMIT 1",
                [policy.id.rawValue], as: String.self)
            {
                throw IncidentError.conflict("escalation policy \(policy.name) is followed by service \(service)")
            }
            try db.execute("DELETE FROM escalation_policies WHERE id = ?", [policy.id.rawValue])
        }
    }

    public func check(_ reference: OnCallReference, at now: Date) async throws
        -> (policy: EscalationPolicy, problems: [FieldError])
    {
        try await pool.repositoryRead { db in
            let policy = try EscalationPolicyRows.require(reference, in: db)
            let directory = try EscalationPolicyRows.directory(for: policy.levels, at: now, in: db)
            let problems = policy.reachabilityProblems(
                users: directory.users, schedules: directory.schedules, onCallAt: now)
            guard !problems.isEmpty else { return (policy, []) }
            // Only when something is wrong: the names there are, to answer a misspelt one with the one meant.
            let known = try EscalationPolicyRows.knownNames(in: db)
            return (
                policy,
                policy.reachabilityProblems(
                    users: directory.users, schedules: directory.schedules, onCallAt: now,
                    knownUserHandles: known.users, knownScheduleNames: known.schedules)
            )
        }
    }

    public func policy(ofService service: ServiceReference) async throws -> EscalationPolicy? {
        try await pool.repositoryRead { db in
            let target = try ServiceRows.require(service, in: db)
            return try EscalationPolicyRows.ofService(target.id, in: db)
        }
    }

    public func servicePolicies() async throws -> [ServiceID: EscalationPolicy] {
        try await pool.repositoryRead { db in
            let pairs = try db.query(
                """
                SELECT s.id, p.id, p.name, p.levels, p.repeat_count, p.created_at, p.updated_at
                FROM services s JOIN escalation_policies p ON p.id = s.escalation_policy_id
                """
            ) { row in
                (ServiceID(try row.column(0, as: Int64.self)), try EscalationPolicyRows.read(row, offset: 1))
            }
            return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        }
    }

    public func setPolicy(_ policy: OnCallReference?, ofService service: ServiceReference) async throws {
        try await pool.repositoryWrite { db in
            _ = try Self.setPolicy(policy, of: try ServiceRows.requireCurrent(service, in: db).id, in: db)
        }
    }

    public func createService(
        _ draft: ServiceDraft, integrationKey: String, policy: OnCallReference?, at now: Date
    ) async throws -> (service: Service, policy: EscalationPolicy?) {
        try await pool.repositoryWrite { db in
            let service = try SQLiteServiceRepository.create(draft, integrationKey: integrationKey, at: now, in: db)
            let followed = try policy.flatMap { try Self.setPolicy($0, of: service.id, in: db) }
            return (service, followed)
        }
    }

    public func updateService(
        _ reference: ServiceReference, _ edit: ServiceEdit, policy: PatchField<OnCallReference>?, at now: Date
    ) async throws -> (service: Service, policy: EscalationPolicy?) {
        defer { serviceKeyCache.invalidate() }
        return try await pool.repositoryWrite { db in
            let service = try SQLiteServiceRepository.update(reference, edit, at: now, in: db)
            if let policy { _ = try Self.setPolicy(policy.value, of: service.id, in: db) }
            return (service, try EscalationPolicyRows.ofService(service.id, in: db))
        }
    }

    /// Points the service at the policy (nil: none) and returns it; an unknown policy is a validation error.
    static func setPolicy(_ policy: OnCallReference?, of service: ServiceID, in db: Connection) throws
        -> EscalationPolicy?
    {
        var found: EscalationPolicy?
        if let policy {
            found = try EscalationPolicyRows.find(policy, in: db)
            if found == nil {
                let names = try db.query("SELECT name FROM escalation_policies ORDER BY name LIMIT 500") {
                    try $0.column(0, as: String.self)
                }
                var meant: String?
                if case .name(let name) = policy { meant = MemberNameSimilarity.intended(name, among: names) }
                throw IncidentError.validation([
                    FieldError(
                        field: "escalation_policy",
                        message: "no escalation policy \(policy)" + (meant.map { " (did you mean \($0)?)" } ?? ""))
                ])
            }
        }
        try db.execute(
            "UPDATE services SET escalation_policy_id = ? WHERE id = ?", [found?.id.rawValue, service.rawValue])
        return found
    }

    static func checkReachable(_ draft: EscalationPolicyDraft, in db: Connection) throws {
        let directory = try EscalationPolicyRows.directory(for: draft.levels, at: nil, in: db)
        guard !draft.reachabilityProblems(users: directory.users, schedules: directory.schedules).isEmpty else {
            return
        }
        // Refused: read the names there are, to answer a misspelt one with the one probably meant.
        let known = try EscalationPolicyRows.knownNames(in: db)
        throw IncidentError.validation(
            draft.reachabilityProblems(
                users: directory.users, schedules: directory.schedules, knownUserHandles: known.users,
                knownScheduleNames: known.schedules))
    }
}
