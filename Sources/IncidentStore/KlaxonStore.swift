import IncidentDomain
import SQLiteCore

/// Klaxon's storage on one SQLite file: the pool (opened and migrated by ``open(path:configuration:)``)
/// and the repositories over it. Create one per process and share it; close it on shutdown.
///
/// ```swift
/// let store = try await KlaxonStore.open(path: "/var/lib/klaxon/klaxon.db")
/// let created = try await store.incidents.create(draft, by: .token("alice"), at: now)
/// let ready = await store.readiness()   // GET /readyz
/// await store.close()
/// ```
public final class KlaxonStore: Sendable {
    /// The connection pool; for the CLI's backup and migration commands and for benchmarks.
    public let pool: DatabasePool
    /// Seals and opens the secrets kept in the database (see ``SecretsKeyFile``).
    public let secrets: SecretSealer
    public let incidents: SQLiteIncidentRepository
    public let services: SQLiteServiceRepository
    public let tokens: SQLiteTokenRepository
    public let idempotency: SQLiteIdempotencyRepository
    public let alerts: SQLiteAlertRepository
    public let users: SQLiteUserRepository
    public let schedules: SQLiteScheduleRepository
    public let escalationPolicies: SQLiteEscalationPolicyRepository
    public let escalations: SQLiteEscalationRepository
    public let heartbeats: SQLiteHeartbeatRepository
    public let postmortems: SQLitePostmortemRepository
    public let reports: SQLiteReportRepository
    public let deliveries: SQLiteDeliveryRepository
    public let maintenanceWindows: SQLiteMaintenanceWindowRepository
    public let retention: SQLiteRetentionRepository

    /// Wraps an already open and migrated pool whose secrets `secrets` seals and opens.
    public init(pool: DatabasePool, secrets: SecretSealer) {
        self.pool = pool
        self.secrets = secrets
        self.incidents = SQLiteIncidentRepository(pool: pool)
        let keyCache = IntegrationKeyCache()
        self.services = SQLiteServiceRepository(pool: pool, keyCache: keyCache)
        self.tokens = SQLiteTokenRepository(pool: pool)
        self.idempotency = SQLiteIdempotencyRepository(pool: pool)
        self.alerts = SQLiteAlertRepository(pool: pool, secrets: secrets)
        self.users = SQLiteUserRepository(pool: pool)
        self.schedules = SQLiteScheduleRepository(pool: pool)
        self.escalationPolicies = SQLiteEscalationPolicyRepository(pool: pool, serviceKeyCache: keyCache)
        self.escalations = SQLiteEscalationRepository(pool: pool)
        self.heartbeats = SQLiteHeartbeatRepository(pool: pool)
        self.postmortems = SQLitePostmortemRepository(pool: pool)
        self.reports = SQLiteReportRepository(pool: pool)
        self.deliveries = SQLiteDeliveryRepository(pool: pool, secrets: secrets)
        self.maintenanceWindows = SQLiteMaintenanceWindowRepository(pool: pool)
        self.retention = SQLiteRetentionRepository(pool: pool)
    }

    /// Opens (creating it when missing) the database at `path`, applies pending migrations
    /// (``KlaxonDatabase/open(path:configuration:)``), brings its secrets under the key in
    /// `secretsKeyPath` (default `<path>.key`, created when the database holds no sealed secret yet; see
    /// ``SecretsKeyFile``) and returns the store. Throws `MigrationError` for a changed or missing migration,
    /// `StorageUnavailable` when the file cannot be opened or written, ``SecretsKeyError`` naming the key file
    /// when it is missing, malformed or another database's.
    public static func open(
        path: String,
        configuration: DatabasePool.Configuration = DatabasePool.Configuration(),
        secretsKeyPath: String? = nil
    ) async throws -> KlaxonStore {
        let keyPath = secretsKeyPath ?? SecretsKeyFile.defaultPath(forDatabase: path)
        let pool: DatabasePool
        do {
            pool = try await KlaxonDatabase.open(path: path, configuration: configuration)
        } catch {
            throw StorageErrorTranslation.translate(error)
        }
        do {
            let secrets: SecretSealer
            do {
                secrets = try await pool.writeWithoutTransaction { db in
                    try SecretsAtRest.prepare(in: db, keyPath: keyPath)
                }
            } catch let error as SQLiteError where configuration.retriesOpening && error.isEnvironmental {
                // A file that takes no writes (see KlaxonDatabase.open): its secrets, sealed already, are
                // checked on a reader; unsealed ones need a write, and the error stands.
                secrets = try await pool.read { db in
                    try SecretsAtRest.prepare(in: db, keyPath: keyPath, sealingRefusedWith: error)
                }
            }
            return KlaxonStore(pool: pool, secrets: secrets)
        } catch {
            await pool.close()
            throw StorageErrorTranslation.translate(error)
        }
    }

    /// Checks that the database takes a durable write now (rewrites the one heartbeat row and commits)
    /// and that every embedded migration is applied (see also ``recentDiskFullProblem``). Never throws: failures become `problems`.
    public func readiness() async -> StoreReadiness {
        var problems: [String] = []
        var isWritable = false
        do {
            try await pool.write { db in
                try db.execute("UPDATE store_heartbeat SET beats = beats + 1 WHERE id = 1")
                guard db.changedRowCount == 1 else {
                    throw StoredDataError(column: "store_heartbeat", found: "no heartbeat row")
                }
            }
            isWritable = true
        } catch {
            problems.append("database not writable: \(Self.describe(error))")
        }

        var pending: [String] = []
        do {
            pending = try await KlaxonDatabase.status(pool).filter { !$0.isApplied }.map(\.migration.fileName)
            if !pending.isEmpty { problems.append("\(pending.count) pending migration(s)") }
        } catch {
            problems.append("migrations: \(Self.describe(error))")
        }
        return StoreReadiness(isWritable: isWritable, pendingMigrations: pending, problems: problems)
    }

    /// Why the database is not writable although ``readiness()``'s write may go through: a write failed on a
    /// full disk a moment ago (see `DatabasePool.Configuration.fullDiskSettling`). The heartbeat row is
    /// rewritten in place, which a full disk still allows; larger writes may not fit. Cheap (no I/O), so it can
    /// be asked on every readiness call.
    public var recentDiskFullProblem: String? {
        guard let since = pool.recentDiskFullFailure else { return nil }
        return "database not writable: disk full (a write failed \(since.components.seconds) s ago; "
            + "small writes may still fit)"
    }

    private static func describe(_ error: any Error) -> String {
        if let unavailable = StorageErrorTranslation.translate(error) as? StorageUnavailable {
            return unavailable.reason
        }
        return String(describing: error)
    }

    /// Lets queued work finish and closes every connection.
    public func close() async {
        await pool.close()
    }
}
