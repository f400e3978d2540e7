import Foundation
import IncidentDomain
import SQLiteCore

/// `AlertRepository` on SQLite: one request's alerts are one write transaction (group-committed with other
/// writers by the pool), so what a sender was answered 200 for is on disk, and a failure writes nothing.
public struct SQLiteAlertRepository: AlertRepository {
    let pool: DatabasePool
    /// Seals the services' signing secrets at rest.
    let secrets: SecretSealer

    /// A repository over an open, migrated pool (see ``KlaxonStore``).
    public init(pool: DatabasePool, secrets: SecretSealer) {
        self.pool = pool
        self.secrets = secrets
    }

    /// How long a signed request's `webhook-id` is remembered: twice the timestamp tolerance.
    public static let webhookRetention: TimeInterval = 2 * StandardWebhookSignature.defaultTolerance

    public func ingest(
        _ alerts: [NormalizedAlert], service: ServiceReference, grouping: AlertGrouping, webhookID: String?,
        at now: Date
    ) async throws -> [AlertOutcome] {
        if alerts.isEmpty && webhookID == nil { return [] }
        // Encoded here, on the request's task, rather than inside the one writer every request queues for.
        let encoded = alerts.map(AlertRows.Encoded.init)
        return try await pool.repositoryWrite { db in
            let target = try Self.routedService(service, in: db)
            if let webhookID { try Self.take(webhookID: webhookID, service: target.id, at: now, in: db) }
            var incidents = KeyIncidents()
            var firing = FiringKeys()
            return try zip(alerts, encoded).map { alert, encoded in
                try Self.ingest(
                    alert, encoded: encoded, into: target, grouping: grouping, incidents: &incidents, firing: &firing,
                    at: now, in: db)
            }
        }
    }

    public func signingSecrets(routedTo service: ServiceReference) async throws -> (
        service: ServiceID, secrets: [String]
    ) {
        try await pool.repositoryRead { db in
            let target = try Self.routedService(service, in: db)
            let column = "service_signing_secrets.secret"
            let stored = try db.query(
                "SELECT created_at, secret FROM service_signing_secrets WHERE service_id = ?", [target.id.rawValue]
            ) {
                (
                    try $0.column(0, as: Int64.self),
                    try secrets.openText(try $0.column(1, as: String.self), column: column)
                )
            }
            // Oldest first, as before sealing (the sealed text no longer sorts like the secret).
            return (target.id, stored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1))
        }
    }

    public func setSigningSecrets(_ secrets: [String], for service: ServiceReference, at now: Date) async throws {
        try await pool.repositoryWrite { db in
            let target = try ServiceRows.requireCurrent(service, in: db)
            try db.execute("DELETE FROM service_signing_secrets WHERE service_id = ?", [target.id.rawValue])
            // Each sealing has its own nonce, so the primary key no longer folds a repeated secret: skip it here.
            var seen = Set<String>()
            for secret in secrets where seen.insert(secret).inserted {
                try db.execute(
                    "INSERT INTO service_signing_secrets (service_id, secret, created_at) VALUES (?, ?, ?)",
                    [target.id.rawValue, self.secrets.seal(secret), Timestamp.milliseconds(now)])
            }
        }
    }

    /// Records a signed request's `webhook-id` (purging expired ones); `conflict` when it was seen already.
    static func take(webhookID: String, service: ServiceID, at now: Date, in db: Connection) throws {
        let cutoff = Timestamp.milliseconds(now.addingTimeInterval(-webhookRetention))
        // A replay is refused before anything is written: its failure then leaves a shared group-commit
        // transaction as the other callers made it (see `DatabasePool.write`), where a purge first made them run again.
        if try db.queryValue(
            "SELECT 1 FROM seen_webhooks WHERE service_id = ? AND webhook_id = ? AND seen_at >= ?",
            [service.rawValue, webhookID, cutoff], as: Int64.self) != nil
        {
            throw Self.replayed(webhookID)
        }
        try db.execute("DELETE FROM seen_webhooks WHERE seen_at < ?", [cutoff])
        try db.execute(
            "INSERT OR IGNORE INTO seen_webhooks (service_id, webhook_id, seen_at) VALUES (?, ?, ?)",
            [service.rawValue, webhookID, Timestamp.milliseconds(now)])
        guard db.changedRowCount == 1 else { throw Self.replayed(webhookID) }
    }

    private static func replayed(_ webhookID: String) -> IncidentError {
        .conflict("webhook-id \(webhookID) was already received; its alerts were recorded then and are not taken again")
    }

    public func alerts(of incident: IncidentID) async throws -> [StoredAlert] {
        try await pool.repositoryRead { db in
            try SQLiteIncidentRepository.requireExists(incident, in: db)
            return try AlertRows.all(of: incident, in: db)
        }
    }

    /// The service a batch goes to: the one named, else (for a name that names none) `default`.
    static func routedService(_ reference: ServiceReference, in db: Connection) throws -> Service {
        if let service = try ServiceRows.find(reference, in: db) { return service }
        if case .name = reference, let fallback = try ServiceRows.find(.name(Service.defaultName), in: db) {
            return fallback
        }
        throw IncidentError.unknownService(reference)
    }

    /// The key's incident on the service: the open one (through `incidents_open_dedup`), else the newest one
    /// (through `incidents_by_service_dedup`), which is resolved or closed.
    static func keyIncident(service: ServiceID, dedupKey: String, in db: Connection) throws -> Incident? {
        if let open = try SQLiteIncidentRepository.openIncident(service: service, dedupKey: dedupKey, in: db) {
            return open
        }
        return try db.queryFirst(
            IncidentRows.selectFrom + " WHERE i.service_id = ? AND i.dedup_key = ? ORDER BY i.id DESC LIMIT 1",
            [service.rawValue, dedupKey], row: IncidentRows.read)
    }

    /// The key's incident of each dedup key a batch touched (`keyIncident`), read once and then kept as the
    /// batch writes it: the 10 or 1,000 alerts of one Alertmanager group read their incident once, not each.
    /// An incident the batch leaves resolved or closed is read again when needed, since a newer one with the
    /// same key may then be the key's incident.
    struct KeyIncidents {
        private var byKey: [String: Incident?] = [:]

        mutating func incident(forKey dedupKey: String, service: ServiceID, in db: Connection) throws -> Incident? {
            if let known = byKey[dedupKey] { return known }
            let loaded = try keyIncident(service: service, dedupKey: dedupKey, in: db)
            byKey[dedupKey] = .some(loaded)
            return loaded
        }

        /// Records what the batch just wrote for `dedupKey`.
        mutating func stored(_ incident: Incident, forKey dedupKey: String) {
            if incident.status.isOpen {
                byKey[dedupKey] = .some(incident)
            } else {
                byKey.removeValue(forKey: dedupKey)
            }
        }
    }

    /// The firing alert keys of the incidents a batch touched, read once per incident and kept up to date as
    /// the batch records its alerts: a group of 1,000 alerts reads its incident's keys once, not 1,000 times.
    struct FiringKeys {
        private var byIncident: [IncidentID: Set<String>] = [:]
        /// The incidents this batch opened, each with the alert keys recorded on it since: any other key of
        /// theirs has no row yet.
        private var opened: [IncidentID: Set<String>] = [:]

        /// A new incident has no alerts yet, so its firing keys need no read.
        mutating func opened(_ incident: IncidentID) {
            opened[incident] = []
            byIncident[incident] = []
        }

        /// Whether `incident` certainly has no row of `alertKey` (see `AlertRows.record`'s `knownNew`).
        func hasNoRow(_ alertKey: String, on incident: IncidentID) -> Bool {
            opened[incident].map { !$0.contains(alertKey) } ?? false
        }

        mutating func keys(of incident: IncidentID, in db: Connection) throws -> Set<String> {
            if let known = byIncident[incident] { return known }
            let loaded = try AlertRows.firingKeys(of: incident, in: db)
            byIncident[incident] = loaded
            return loaded
        }

        /// Mirrors `AlertRows.record`: a trigger makes its key firing, a resolve not; an acknowledge changes nothing.
        /// The sets are changed in place: a copy per alert would make a group of 1,000 alerts cost a million.
        mutating func recorded(_ alert: NormalizedAlert, on incident: IncidentID, in db: Connection) throws {
            _ = try keys(of: incident, in: db)
            if alert.action != .acknowledge { opened[incident]?.insert(alert.alertKey) }
            switch alert.action {
            case .trigger: byIncident[incident]?.insert(alert.alertKey)
            case .resolve: byIncident[incident]?.remove(alert.alertKey)
            case .acknowledge: return
            }
        }
    }

    /// Decides and applies one alert on a write connection (see `AlertRepository.ingest`).
    /// `encoded` is `AlertRows.Encoded(alert)`.
    static func ingest(
        _ alert: NormalizedAlert, encoded: AlertRows.Encoded, into service: Service, grouping: AlertGrouping,
        incidents: inout KeyIncidents, firing cache: inout FiringKeys, at now: Date, in db: Connection
    ) throws -> AlertOutcome {
        let existing = try incidents.incident(forKey: alert.dedupKey, service: service.id, in: db)
        let decision: AlertDecision
        do {
            // Scoped so that no second reference to the cached set is alive when `cache.recorded` changes it in place.
            let firing = try existing.map { try cache.keys(of: $0.id, in: db) } ?? []
            // Read only where it decides anything: a key still firing on an incident resolved by hand.
            var storedSeverity: Severity?
            if let existing, existing.status == .resolved, firing.contains(alert.alertKey) {
                storedSeverity = try AlertRows.severity(of: alert.alertKey, on: existing.id, in: db)
            }
            decision = grouping.decide(
                alert, service: .id(service.id), existing: existing, firingAlertKeys: firing,
                storedSeverity: storedSeverity, now: now)
        }
        func outcome(_ id: IncidentID?, _ effect: AlertOutcome.Effect) -> AlertOutcome {
            AlertOutcome(
                dedupKey: alert.dedupKey, alertKey: alert.alertKey, incidentID: id, effect: effect,
                serviceName: service.name)
        }
        switch decision {
        case .open(let draft):
            // `decide` opens only when the key has no open incident on this service (`existing` is the open one
            // when there is one), and the draft is on the service read above.
            let creation = try SQLiteIncidentRepository.createChecked(
                draft, on: service, by: alert.source.principal, at: now, in: db)
            let id = creation.incident.id
            incidents.stored(creation.incident, forKey: alert.dedupKey)
            if creation.created { cache.opened(id) }
            _ = try TimelineRows.append(
                [alert.receivedEventWithoutData(at: now)], to: id, receivedEventData: encoded.receivedEventData, in: db)
            try AlertRows.record(
                alert, encoded: encoded, on: id, knownNew: cache.hasNoRow(alert.alertKey, on: id), at: now, in: db)
            try cache.recorded(alert, on: id, in: db)
            return outcome(id, creation.created ? .created : .attached)
        case .ignore(let reason):
            // The alert is still recorded on the key's incident when there is one (a re-send after a manual
            // resolve, a resolve at the source): what the source says about it stays current.
            if let existing {
                try AlertRows.record(alert, encoded: encoded, on: existing.id, at: now, in: db)
                try cache.recorded(alert, on: existing.id, in: db)
            }
            return outcome(existing?.id, .ignored(reason))
        case .attach(let id, _, _), .reopen(let id, _), .acknowledge(let id), .resolveAlert(let id), .resolve(let id):
            guard let existing, existing.id == id else {
                throw IncidentError.conflict("alert decision named incident \(id), which is not the key's incident")
            }
            let change = try existing.applying(decision, for: alert, at: now, receivedEventDataStoredApart: true)
            if change.incident == existing {
                // Timeline only (a new alert joined): the row would be rewritten with the same values.
                _ = try TimelineRows.append(
                    change.events, to: id, receivedEventData: encoded.receivedEventData, in: db)
            } else {
                let update = try SQLiteIncidentRepository.store(
                    change, replacing: existing, receivedEventData: encoded.receivedEventData, in: db)
                incidents.stored(update.incident, forKey: alert.dedupKey)
            }
            try AlertRows.record(
                alert, encoded: encoded, on: id, knownNew: cache.hasNoRow(alert.alertKey, on: id), at: now, in: db)
            try cache.recorded(alert, on: id, in: db)
            return outcome(id, effect(of: decision))
        }
    }

    static func effect(of decision: AlertDecision) -> AlertOutcome.Effect {
        switch decision {
        case .open: .created
        case .attach: .attached
        case .reopen: .reopened
        case .acknowledge: .acknowledged
        case .resolveAlert: .alertResolved
        case .resolve: .resolved
        case .ignore(let reason): .ignored(reason)
        }
    }
}
