import Foundation
import HTTPCore
import IncidentDomain
import IncidentStore
import Logging
import SQLiteCore
import Synchronization

/// Klaxon assembled: the store, the API's routes, the dashboard's files and the HTTP server.
/// The executable and the end-to-end tests build it the same way, with `buildApplication`.
public final class Application: Sendable {
    public let server: HTTPServer
    /// Every API operation, for the OpenAPI completeness test and for documentation.
    public let routes: [APIRoute]
    /// The admin token created on this first start, to be shown once; nil when the database had tokens
    /// or the configuration supplied one.
    public let createdAdminToken: String?
    let store: KlaxonStore
    let clock: any WallClock
    let logger: Logger
    private let maintenance = Mutex<Task<Void, Never>?>(nil)
    private let escalationTask = Mutex<Task<Void, Never>?>(nil)
    let escalationEngine: EscalationEngine
    let heartbeatMonitor: HeartbeatMonitor
    let escalationPollInterval: Duration
    let liveEvents: LiveEventHub
    let alertRetention: AlertRetention?
    private let liveEventsTask = Mutex<Task<Void, Never>?>(nil)
    let deliveryWorker: DeliveryWorker
    private let deliveryTask = Mutex<Task<Void, Never>?>(nil)
    let publicBaseURL: PublicBaseURL
    let configuredPublicURL: Bool

    init(
        server: HTTPServer, routes: [APIRoute], createdAdminToken: String?, store: KlaxonStore, clock: any WallClock,
        logger: Logger, escalationPollInterval: Duration = .seconds(1), liveEvents: LiveEventHub,
        deliveryWorker: DeliveryWorker, publicBaseURL: PublicBaseURL, configuredPublicURL: Bool,
        alertRetention: AlertRetention? = nil
    ) {
        self.alertRetention = alertRetention
        self.liveEvents = liveEvents
        server.onDrain { liveEvents.close() }
        self.deliveryWorker = deliveryWorker
        self.publicBaseURL = publicBaseURL
        self.configuredPublicURL = configuredPublicURL
        self.escalationEngine = EscalationEngine(escalations: store.escalations, clock: clock, logger: logger)
        self.heartbeatMonitor = HeartbeatMonitor(heartbeats: store.heartbeats, clock: clock)
        self.escalationPollInterval = escalationPollInterval
        self.server = server
        self.routes = routes
        self.createdAdminToken = createdAdminToken
        self.store = store
        self.clock = clock
        self.logger = logger
    }

    /// Starts serving and the background upkeep; returns the bound port (useful with port 0).
    public func start() throws -> Int {
        let port = try server.start()
        noteBound(port: port)
        startMaintenance()
        return port
    }

    /// Stops accepting, lets in-flight requests finish within `gracePeriod`, then closes the database.
    public func shutdown(gracePeriod: Duration = .seconds(10)) async {
        await server.shutdown(gracePeriod: gracePeriod)
        await stopMaintenance()
        await store.close()
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully.
    public func runUntilSignalled(gracePeriod: Duration = .seconds(10), onStarted: (Int) -> Void) async throws {
        try await server.runUntilSignalled(gracePeriod: gracePeriod) { port in
            noteBound(port: port)
            startMaintenance()
            onStarted(port)
        }
        await stopMaintenance()
        await store.close()
    }

    /// Runs the escalation engine's timers once, now by the injected clock, and returns how many incidents
    /// it escalated, found exhausted or stopped. The background engine does the same every poll; tests call
    /// this after moving their clock instead of waiting for the poll.
    @discardableResult
    public func runEscalations() async throws -> Int {
        try await escalationEngine.runOnce()
    }

    /// Checks heartbeats once, now by the injected clock, and returns how many incidents it opened for
    /// missed ones (the background loop does the same every poll).
    @discardableResult
    public func runHeartbeats() async throws -> Int {
        try await heartbeatMonitor.runOnce()
    }

    /// Sends every outbox message due now by the injected clock, once each, and returns how many attempts it
    /// made; tests call this instead of waiting for the background worker (which they turn off).
    @discardableResult
    public func runDeliveries() async throws -> Int {
        try await deliveryWorker.runOnce()
    }

    /// Messages left in flight by a crash become due again (the background worker does this when it starts).
    @discardableResult
    public func releaseInFlightDeliveries() async throws -> Int {
        try await store.deliveries.releaseInFlight(at: clock.now())
    }

    /// Links in pages point at the bound port unless a public URL was configured.
    private func noteBound(port: Int) {
        if !configuredPublicURL {
            publicBaseURL.set(PublicBaseURL.listening(host: server.configuration.host, port: port))
        }
    }

    /// Prunes old alert data now, by the injected clock, when a retention is configured (see
    /// ``AlertRetention``); returns what was removed. The maintenance loop does the same every pass.
    @discardableResult
    public func runRetention() async throws -> RetentionOutcome {
        guard let alertRetention else { return RetentionOutcome() }
        return try await store.retention.prune(before: alertRetention.cutoff(now: clock.now()))
    }

    /// How often the maintenance pass runs: expired `Idempotency-Key` records (kept 24 hours) are deleted,
    /// old alert data pruned, and the write-ahead log truncated.
    static let maintenanceInterval: Duration = .seconds(600)

    /// One maintenance pass; each step's failure (a busy or full disk) is logged and retried next pass.
    func runMaintenancePass() async {
        do {
            let cutoff = clock.now().addingTimeInterval(-IdempotencyRecord.retention)
            let purged = try await store.idempotency.purge(createdBefore: cutoff)
            if purged > 0 { logger.debug("purged idempotency records", metadata: ["count": "\(purged)"]) }
        } catch {
            logger.backgroundFailure("could not purge idempotency records", error: error)
        }
        do {
            let pruned = try await runRetention()
            if !pruned.isEmpty {
                logger.info(
                    "retention pruned alert data",
                    metadata: [
                        "deleted_alerts": "\(pruned.deletedAlerts)", "cleared_payloads": "\(pruned.clearedPayloads)",
                    ])
            }
        } catch {
            logger.backgroundFailure("retention pass failed", error: error)
        }
        // After the deletes, so their pages leave the log too.
        do {
            let checkpoint = try await store.truncateWriteAheadLog()
            if !checkpoint.completed {
                logger.debug("WAL truncation deferred: a reader holds old frames")
            }
        } catch {
            logger.backgroundFailure("WAL checkpoint failed", error: error)
        }
    }

    private func startMaintenance() {
        let task = Task { [self] in
            while !Task.isCancelled {
                await runMaintenancePass()
                try? await Task.sleep(for: Self.maintenanceInterval)
            }
        }
        maintenance.withLock { $0 = task }
        let engine = escalationEngine
        let interval = escalationPollInterval
        let monitor = heartbeatMonitor
        let escalation = Task { await engine.run(pollInterval: interval, heartbeats: monitor) }
        escalationTask.withLock { $0 = escalation }
        let hub = liveEvents
        let live = Task { await hub.run() }
        liveEventsTask.withLock { $0 = live }
        if let pollInterval = deliveryPollInterval {
            let worker = deliveryWorker
            let delivery = Task { await worker.run(pollInterval: pollInterval) }
            deliveryTask.withLock { $0 = delivery }
        }
    }

    private func stopMaintenance() async {
        let task = maintenance.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
        let escalation = escalationTask.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        escalation?.cancel()
        await escalation?.value
        liveEvents.close()
        let live = liveEventsTask.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        live?.cancel()
        await live?.value
        let delivery = deliveryTask.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        delivery?.cancel()
        await delivery?.value
    }

    private var deliveryPollInterval: Duration? { deliveryWorker.configuration.pollInterval }
}

/// Opens (and migrates) the database, installs the first admin token when there is none, and wires
/// every route. Nothing listens until `start()`. `storageLog` logs the database's write availability (one is
/// made when nil); pass the same one to each try when building again after a failure.
public func buildApplication(
    _ configuration: ApplicationConfiguration,
    clock: any WallClock = SystemClock(),
    logger: Logger = Logger(label: "klaxon"),
    storageLog: StorageAvailabilityLog? = nil
) async throws -> Application {
    var databaseConfiguration = DatabasePool.Configuration()
    databaseConfiguration.connection.busyTimeout = configuration.databaseBusyTimeout
    if configuration.opensDatabaseReadOnly {
        databaseConfiguration.connection.accessMode = .readOnly
    }
    // The server stays up when the file takes no writes (a read-only file system, a full disk): it serves
    // reads, answers writes 503 and reopens the file when it can; the log says so once per change.
    databaseConfiguration.retriesOpening = true
    let storageLog = storageLog ?? StorageAvailabilityLog(logger: logger)
    databaseConfiguration.writeAvailabilityObserver = { storageLog.note($0) }
    // A broken template is a start-up error, not a failed request later.
    let postmortemTemplate = try configuration.postmortemTemplate.map { try PostmortemTemplate(text: $0) } ?? .standard
    let store = try await KlaxonStore.open(
        path: configuration.databasePath, configuration: databaseConfiguration,
        secretsKeyPath: configuration.secretsKeyPath)
    do {
        let tokenCache = TokenCache()
        let authenticator = Authenticator(tokens: store.tokens, clock: clock, logger: logger, cache: tokenCache)
        var api = APIRouter(authenticator: authenticator, idempotency: store.idempotency, clock: clock, logger: logger)
        HealthController(
            readiness: {
                let readiness = await store.readiness()
                return ReadinessProbe.State(
                    databaseWritable: readiness.isWritable && readiness.problems.isEmpty,
                    migrationsApplied: readiness.pendingMigrations.isEmpty, problems: readiness.problems)
            },
            knownProblem: { store.recentDiskFullProblem }
        ).register(in: &api)
        IncidentController(
            incidents: store.incidents, services: store.services, postmortems: store.postmortems,
            pages: ListPageCache()
        )
        .register(in: &api)
        ServiceController(services: store.services, policies: store.escalationPolicies).register(in: &api)
        UserController(
            users: store.users, allowPrivateDestinations: configuration.delivery.allowPrivateDestinations
        ).register(in: &api)
        ScheduleController(schedules: store.schedules).register(in: &api)
        EscalationPolicyController(
            policies: store.escalationPolicies,
            allowPrivateDestinations: configuration.delivery.allowPrivateDestinations
        ).register(in: &api)
        EscalationController(
            escalations: store.escalations, policies: store.escalationPolicies, incidents: store.incidents,
            maintenance: store.maintenanceWindows,
            emailRelayConfigured: configuration.delivery.mail != nil
        ).register(in: &api)
        HeartbeatController(heartbeats: store.heartbeats).register(in: &api)
        MaintenanceWindowController(windows: store.maintenanceWindows).register(in: &api)
        let liveEvents = LiveEventHub(
            incidents: store.incidents, heartbeatInterval: configuration.streamHeartbeatInterval,
            logger: logger)
        try await liveEvents.prime()
        StreamController(hub: liveEvents, authenticator: authenticator).register(in: &api)
        // Delivery of the outbox (issue 7): the worker, the deliveries' history, one-click action links.
        let linkSigner = ActionLinkSigner(key: try await store.deliveries.actionLinkKey())
        let publicBaseURL = PublicBaseURL(
            configuration.delivery.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
                ?? PublicBaseURL.listening(host: configuration.server.host, port: configuration.server.port))
        let servesDashboard = configuration.publicDirectory.map { DashboardFiles.problem(with: $0) == nil } ?? false
        let deliveryWorker = DeliveryWorker(
            deliveries: store.deliveries,
            composer: PageComposer(
                base: publicBaseURL, links: linkSigner, servesDashboard: servesDashboard),
            client: OutboundHTTPClient(configuration: configuration.delivery.client),
            https: CurlHTTPSClient(configuration: configuration.delivery.client),
            configuration: configuration.delivery, clock: clock, logger: logger, random: { Double.random(in: 0...1) })
        let emailRelayConfigured = configuration.delivery.mail != nil
        NotificationController(deliveries: store.deliveries, emailRelayConfigured: emailRelayConfigured)
            .register(in: &api)
        if !emailRelayConfigured, try await store.deliveries.usersWithEmailCount() > 0 {
            logger.warning("users have email contacts but no SMTP relay is configured (--smtp-url): email pages wait")
        }
        ActionLinkController(incidents: store.incidents, signer: linkSigner, clock: clock, logger: logger)
            .register(in: &api)
        TokenController(tokens: store.tokens, cache: tokenCache, users: store.users).register(in: &api)
        AlertController(alerts: store.alerts).register(in: &api)
        PostmortemController(
            postmortems: store.postmortems, renderer: PostmortemRenderer(template: postmortemTemplate),
            errorBudgets: StoredErrorBudgets(store: store, now: { clock.now() })
        ).register(in: &api)
        SigningSecretController(alerts: store.alerts).register(in: &api)
        let refusedAlerts = RefusedAlertLog(logger: logger)
        IngestionController(
            alerts: store.alerts, services: store.services, authenticator: authenticator,
            grouping: AlertGrouping(configuration: configuration.alertGrouping),
            maxBodySize: configuration.maxIngestionBodySize,
            rateLimiter: configuration.ingestionRateLimit.map(IngestionRateLimiter.init(limit:)), logger: logger,
            refusals: refusedAlerts
        ).register(in: &api)
        // Issue 8: statistics, error budgets, the toil report and /metrics (HTTP counted at the access-log hook).
        ReportController(reports: store.reports).register(in: &api)
        let httpMetrics = HTTPMetrics()
        MetricsController(
            store: store, http: httpMetrics, isPublic: configuration.metricsPublic,
            emailRelayConfigured: emailRelayConfigured, clock: clock, logger: logger
        ).register(in: &api)
        var dashboard: StaticFileHandler?
        if let publicDirectory = configuration.publicDirectory {
            if let problem = DashboardFiles.problem(with: publicDirectory) {
                logger.warning("\(problem)")
            }
            dashboard = StaticFileHandler(root: publicDirectory, configuration: DashboardFiles.configuration)
        }
        // What no route matches: an API path gets a 404 saying what was probably meant; others are the
        // dashboard's files.
        api.setUnmatchedAnswer { head in UnknownRoute.problem(for: head).map { .problem($0) } }
        api.setFallback(.async { [dashboard] request in dashboard?.respond(to: request) ?? .problem(.notFound) })

        var serverConfiguration = configuration.server
        serverConfiguration.parser.defaultBodyLimit = configuration.maxAPIBodySize
        let accessLog = serverConfiguration.accessLog
        serverConfiguration.accessLog = { entry in
            httpMetrics.record(entry)
            // A 413 of a receiver route, a refused heartbeat ping, or a delivery to a path no receiver has: logged
            // off the event loop, since writing the line may block on the log's pipe.
            let status = entry.status.code
            if let route = entry.route, status == 413, RefusedAlertLog.receiver(ofRoute: route) != nil {
                let now = clock.now()
                Task { refusedAlerts.recordTooLarge(route: route, now: now) }
            } else if entry.route == RefusedAlertLog.heartbeatPingRoute, RefusedAlertLog.isRefusal(status) {
                let now = clock.now()
                let path = entry.path
                Task { refusedAlerts.recordRefusedPing(status: status, path: path, now: now) }
            } else if entry.route == nil, status == 404,
                let delivery = RefusedAlertLog.misdirected(method: entry.method, path: entry.path)
            {
                let now = clock.now()
                Task { refusedAlerts.recordMisdirected(delivery, now: now) }
            }
            accessLog?(entry)
        }
        // Last of all that may fail: a token stored by a start that then failed would never be shown (the next
        // start finds a token and makes none).
        let createdAdminToken = try await installFirstAdminToken(
            configuration.initialAdminToken, tokens: store.tokens, at: clock.now(), logger: logger)
        let server = HTTPServer(
            configuration: serverConfiguration, router: api.router, logger: Logger(label: "klaxon.http"))
        return Application(
            server: server, routes: api.routes, createdAdminToken: createdAdminToken, store: store, clock: clock,
            logger: logger, escalationPollInterval: configuration.escalationPollInterval, liveEvents: liveEvents,
            deliveryWorker: deliveryWorker, publicBaseURL: publicBaseURL,
            configuredPublicURL: configuration.delivery.publicURL != nil, alertRetention: configuration.alertRetention)
    } catch {
        await store.close()
        throw error
    }
}

/// Name of the token installed on first start.
let firstAdminTokenName = "admin"

/// When the database has never had an admin token, installs one: the configured one, or a new random one
/// that is returned so the caller can show it once. A configured one is checked every start (so a bad value
/// never waits for a fresh database to be found). When admin tokens existed but all are revoked, a configured
/// one is installed under the next free `admin-N` name, and without one the log says how to get back in. A
/// configured value that is a token already (active, or revoked because it leaked) is never installed again.
func installFirstAdminToken(
    _ configured: String?, tokens: any TokenRepository, at now: Date, logger: Logger
) async throws -> String? {
    if let configured, let problem = firstAdminTokenProblem(configured) {
        throw ApplicationError.badAdminToken(problem)
    }
    let existing = try await tokens.list()
    guard !existing.contains(where: { $0.isActive && $0.scope == .admin }) else {
        if configured != nil {
            logger.notice(
                "KLAXON_ADMIN_TOKEN is ignored: the database has an active admin token already (it only sets the first one); manage tokens with 'klaxon token' or /api/v1/tokens"
            )
        }
        return nil
    }
    let secret = configured.map { TokenSecret(value: $0) } ?? TokenSecret.generate()
    if configured != nil, let taken = try await tokens.token(secretHash: secret.hash) {
        logger.warning(
            "KLAXON_ADMIN_TOKEN is not installed: its value is token '\(taken.name)' (\(taken.isActive ? "scope \(taken.scope.rawValue)" : "revoked")); give it a new value, or create an admin token with 'klaxon token create --scope admin --name NAME'"
        )
        return nil
    }
    let everHadAdmin = existing.contains { $0.scope == .admin }
    if everHadAdmin && configured == nil {
        logger.warning(
            "no active admin token: every admin token is revoked; create one with 'klaxon token create --scope admin --name NAME' (or start with KLAXON_ADMIN_TOKEN set)"
        )
        return nil
    }
    let taken = Set(existing.map(\.name))
    var name = firstAdminTokenName
    var suffix = 2
    while taken.contains(name) {
        name = "\(firstAdminTokenName)-\(suffix)"
        suffix += 1
    }
    let draft = try NewToken(name: name, scope: TokenScope.admin.rawValue).validate()
    _ = try await tokens.create(draft, secretHash: secret.hash, at: now)
    if everHadAdmin {
        logger.notice(
            "installed KLAXON_ADMIN_TOKEN as admin token '\(name)': every admin token of the database was revoked")
    }
    return configured == nil ? secret.value : nil
}

/// Why `KLAXON_ADMIN_TOKEN`'s value cannot be a token, or nil: it travels in an `Authorization` header, so it
/// must be long enough and made of printable ASCII without spaces.
public func firstAdminTokenProblem(_ value: String) -> String? {
    guard value.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
        return "KLAXON_ADMIN_TOKEN must be printable ASCII without spaces or line breaks (it is sent in an "
            + "Authorization header)"
    }
    guard value.count >= APIToken.minimumSecretLength else {
        return "KLAXON_ADMIN_TOKEN must be at least \(APIToken.minimumSecretLength) characters"
    }
    return nil
}

/// Start-up problems the operator must fix.
public enum ApplicationError: Error, CustomStringConvertible {
    case badAdminToken(String)

    public var description: String {
        switch self {
        case .badAdminToken(let problem): return problem
        }
    }
}
