import ArgumentParser
import Foundation
import Glibc
import HTTPCore
import IncidentAPI
import IncidentDomain
import Logging

/// `klaxon serve`: runs the HTTP server until SIGTERM or SIGINT, then drains and exits 0.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the API and the dashboard until SIGTERM or SIGINT."
    )

    @Option(help: "Address to listen on (env KLAXON_HOST; default 127.0.0.1). Use 0.0.0.0 or :: for all interfaces.")
    var host: String?

    @Option(help: "Port to listen on, 0 for any free port (env KLAXON_PORT; default 8080).")
    var port: Int?

    @Option(help: "SQLite database file (env KLAXON_DB; default ./klaxon.db).")
    var db: String?

    @Option(
        help:
            "The key file sealing the secrets kept in the database (env KLAXON_SECRETS_KEY_FILE; default <db>.key, created on first start with mode 0600). Keep it with the database's backups."
    )
    var secretsKeyFile: String?

    @Option(
        name: .customLong("public"),
        help: "Folder of the dashboard's static files (env KLAXON_PUBLIC; default ./Public).")
    var publicFolder: String?

    @Flag(
        help:
            "Log one line per request on stderr: method, route pattern (the path without query for static files and 404s; never an integration key), status, bytes, duration."
    )
    var accessLog = false

    @OptionGroup var postmortemTemplate: PostmortemTemplateOption
    @Flag(help: "Serve GET /metrics without a token (env KLAXON_METRICS_PUBLIC=1); by default it needs a read token.")
    var metricsPublic = false

    @Option(help: "Event loop threads (default: one per core).")
    var eventLoops: Int?

    @Option(help: "Maximum open connections (default 1024).")
    var maxConnections: Int?

    @Option(
        help:
            "Milliseconds a write waits for a database lock held by another process before answering 503 (env KLAXON_BUSY_TIMEOUT_MS; default 5000)."
    )
    var busyTimeoutMs: Int?

    @Option(
        help:
            "Alert receiver requests per second admitted per integration key or token; 0 turns the limit off (env KLAXON_INGEST_RATE_LIMIT; default 100)."
    )
    var ingestRateLimit: Int?

    @Option(
        help:
            "Alert receiver requests one integration key or token may send at once (env KLAXON_INGEST_BURST; default 1000)."
    )
    var ingestBurst: Int?

    @Option(
        help:
            "Base URL of the one-click acknowledge and resolve links in pages, as receivers reach Klaxon (env KLAXON_PUBLIC_URL; default http://<host>:<port>)."
    )
    var publicURL: String?

    @Flag(
        help:
            "Let pages go to loopback, private, link-local and other internal addresses (env KLAXON_ALLOW_PRIVATE_DESTINATIONS=1); refused by default against SSRF."
    )
    var allowPrivateDestinations = false

    @Flag(
        help:
            "Deliver no pages: outbox rows stay pending until a server without this flag runs (env KLAXON_HOLD_DELIVERIES=1). For a copy of production's database on a staging machine, which must not page anybody."
    )
    var holdDeliveries = false

    @OptionGroup var smtp: SMTPOptions

    @Option(
        help:
            "Seconds before a failed page is tried again; each further failure doubles the wait, up to an hour, with 20% jitter (env KLAXON_DELIVERY_RETRY_SECONDS; default 10)."
    )
    var deliveryRetrySeconds: Int?

    @Option(
        help:
            "Seconds one delivery attempt may take in all, connecting included, before it counts as failed and is retried (env KLAXON_DELIVERY_TIMEOUT_SECONDS; default 10)."
    )
    var deliveryTimeoutSeconds: Int?

    @Option(
        help:
            "Days to keep resolved alerts and the raw payloads of closed incidents' alerts; incidents and timelines are always kept. 0 keeps everything (env KLAXON_RETAIN_ALERT_PAYLOADS_DAYS; default 0)."
    )
    var retainAlertPayloadsDays: Int?

    func validate() throws {
        if let retainAlertPayloadsDays, retainAlertPayloadsDays < 0 {
            throw ValidationError("--retain-alert-payloads-days must be 0 (keep everything) or more")
        }
        if let ingestRateLimit, ingestRateLimit < 0 { throw ValidationError("--ingest-rate-limit must be 0 or more") }
        if let deliveryRetrySeconds, deliveryRetrySeconds < 1 {
            throw ValidationError("--delivery-retry-seconds must be at least 1")
        }
        if let deliveryTimeoutSeconds, deliveryTimeoutSeconds < 1 {
            throw ValidationError("--delivery-timeout-seconds must be at least 1")
        }
        if let ingestBurst, ingestBurst < 1 { throw ValidationError("--ingest-burst must be at least 1") }
        if let port, !(0...65535).contains(port) {
            throw ValidationError("--port must be 0 (any free port) to 65535, got \(port)")
        }
        if let busyTimeoutMs, busyTimeoutMs < 0 { throw ValidationError("--busy-timeout-ms must be 0 or more") }
        if let eventLoops, eventLoops < 1 { throw ValidationError("--event-loops must be at least 1") }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be at least 1") }
    }

    func busyTimeoutMilliseconds(_ environment: Environment) throws -> Int {
        let milliseconds = try busyTimeoutMs ?? environment.integer("KLAXON_BUSY_TIMEOUT_MS") ?? 5000
        guard milliseconds >= 0 else { throw ValidationError("KLAXON_BUSY_TIMEOUT_MS must be 0 or more") }
        return milliseconds
    }

    /// The ingestion rate limit from the flags, else the environment, else the defaults; nil when turned off.
    func ingestionRateLimit(_ environment: Environment) throws -> IngestionRateLimit? {
        let defaults = IngestionRateLimit()
        let rate =
            try ingestRateLimit ?? environment.integer("KLAXON_INGEST_RATE_LIMIT") ?? Int(defaults.requestsPerSecond)
        let burst = try ingestBurst ?? environment.integer("KLAXON_INGEST_BURST") ?? defaults.burst
        guard rate >= 0 else { throw ValidationError("KLAXON_INGEST_RATE_LIMIT must be 0 (off) or more") }
        guard rate > 0 else { return nil }
        guard burst >= 1 else { throw ValidationError("KLAXON_INGEST_BURST must be at least 1") }
        return IngestionRateLimit(requestsPerSecond: Double(rate), burst: burst)
    }

    func run() async throws {
        let environment = Environment()
        let accessLogSink = LogLineSink()
        LoggingSystem.bootstrap { label -> any LogHandler in
            if label == "klaxon.access" { return BufferedLogHandler(label: label, sink: accessLogSink) }
            return StreamLogHandler.standardError(label: label)
        }
        let logger = Logger(label: "klaxon")
        ProcessLimits.raiseOpenFileLimit()

        var configuration = HTTPServerConfiguration(
            host: host ?? environment["KLAXON_HOST"] ?? "127.0.0.1",
            port: try port ?? environment.integer("KLAXON_PORT") ?? 8080
        )
        // Checked before the database is opened or created, so a typo creates no file and no token.
        guard (0...65535).contains(configuration.port) else {
            throw ValidationError("the port must be 0 (any free port) to 65535, got \(configuration.port)")
        }
        if let problem = configuration.listenAddressProblem() {
            throw ValidationError("cannot listen on \(configuration.host): \(problem)")
        }
        if let token = environment["KLAXON_ADMIN_TOKEN"], let problem = firstAdminTokenProblem(token) {
            throw ValidationError(problem)
        }
        let databasePath = db ?? environment["KLAXON_DB"] ?? "./klaxon.db"
        if let problem = Self.notADatabaseProblem(databasePath) { throw ValidationError(problem) }
        if let eventLoops { configuration.eventLoopCount = eventLoops }
        if let maxConnections { configuration.maxConnections = maxConnections }
        if accessLog {
            let accessLogger = Logger(label: "klaxon.access")
            configuration.accessLog = { entry in
                accessLogger.info(
                    "\(entry.method) \(entry.loggablePath) \(entry.status.code) \(entry.bytesSent)B \(entry.duration.milliseconds)ms id=\(entry.requestID ?? "-")"
                )
            }
        }
        let publicFolder = self.publicFolder ?? environment["KLAXON_PUBLIC"] ?? "./Public"

        var applicationConfiguration = ApplicationConfiguration(
            server: configuration,
            databasePath: databasePath,
            publicDirectory: publicFolder,
            initialAdminToken: environment["KLAXON_ADMIN_TOKEN"],
            databaseBusyTimeout: .milliseconds(try busyTimeoutMilliseconds(environment)))
        applicationConfiguration.secretsKeyPath = secretsKeyFile ?? environment["KLAXON_SECRETS_KEY_FILE"]
        applicationConfiguration.ingestionRateLimit = try ingestionRateLimit(environment)
        applicationConfiguration.postmortemTemplate = try postmortemTemplate.text(environment)
        applicationConfiguration.metricsPublic = try metricsPublic || environment.flag("KLAXON_METRICS_PUBLIC")
        applicationConfiguration.delivery.allowPrivateDestinations =
            try allowPrivateDestinations || environment.flag("KLAXON_ALLOW_PRIVATE_DESTINATIONS")
        if try holdDeliveries || environment.flag("KLAXON_HOLD_DELIVERIES") {
            applicationConfiguration.delivery.pollInterval = nil
            logger.warning("--hold-deliveries: no page will be delivered by this server")
        }
        if let retry = try deliveryRetrySeconds ?? environment.integer("KLAXON_DELIVERY_RETRY_SECONDS") {
            guard retry >= 1 else { throw ValidationError("KLAXON_DELIVERY_RETRY_SECONDS must be at least 1") }
            applicationConfiguration.delivery.backoff.initialDelay = Double(retry)
        }
        if let timeout = try deliveryTimeoutSeconds ?? environment.integer("KLAXON_DELIVERY_TIMEOUT_SECONDS") {
            guard timeout >= 1 else { throw ValidationError("KLAXON_DELIVERY_TIMEOUT_SECONDS must be at least 1") }
            applicationConfiguration.delivery.client.totalTimeout = Double(timeout)
            applicationConfiguration.delivery.client.connectTimeout = min(
                applicationConfiguration.delivery.client.connectTimeout, Double(timeout))
        }
        applicationConfiguration.delivery.mail = try smtp.relay(environment)
        if let publicURL = publicURL ?? environment["KLAXON_PUBLIC_URL"] {
            guard case .success = DeliveryConfiguration.checkPublicURL(publicURL) else {
                throw ValidationError(
                    "--public-url must be an absolute http or https URL, e.g. https://klaxon.example.com")
            }
            applicationConfiguration.delivery.publicURL = publicURL
        }
        let retentionDays =
            try retainAlertPayloadsDays ?? environment.integer("KLAXON_RETAIN_ALERT_PAYLOADS_DAYS") ?? 0
        guard retentionDays >= 0 else {
            throw ValidationError("KLAXON_RETAIN_ALERT_PAYLOADS_DAYS must be 0 (keep everything) or more")
        }
        applicationConfiguration.alertRetention = AlertRetention(days: retentionDays)
        let application = try await buildWaitingForStorage(applicationConfiguration, logger: logger)
        let flusher = Task { await accessLogSink.runPeriodicFlush() }
        defer {
            flusher.cancel()
            accessLogSink.flush()
        }
        var tokenShown = false
        do {
            try await application.runUntilSignalled(gracePeriod: .seconds(10)) { boundPort in
                logger.info(
                    "klaxon listening",
                    metadata: [
                        "host": "\(configuration.host)", "port": "\(boundPort)", "database": "\(databasePath)",
                        "deliveries": "\(applicationConfiguration.delivery.pollInterval == nil ? "held" : "on")",
                    ])
                if let token = application.createdAdminToken {
                    Self.showFirstAdminToken(token, host: configuration.host, port: boundPort)
                    tokenShown = true
                }
            }
        } catch {
            // The token is stored already and the next start creates none: never lose it to a failed bind.
            if let token = application.createdAdminToken, !tokenShown {
                Self.showFirstAdminToken(token, host: configuration.host, port: nil)
            }
            throw error
        }
        logger.info("klaxon stopped")
    }
}

extension ServeCommand {
    /// Why the file at `path` cannot be the database (a directory, or a file that is not SQLite: a mistyped
    /// --db such as a log or a config file), or nil. Waiting for it to change, as for a read-only disk or a
    /// missing folder, would never end.
    static func notADatabaseProblem(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        if status.st_mode & S_IFMT == S_IFDIR {
            return "--db \(path) is a directory; give the database file, such as \(path)/klaxon.db"
        }
        guard status.st_size > 0, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header != Data("SQLite format 3\u{0}".utf8) else { return nil }
        return "--db \(path) is not a SQLite database (it does not start with SQLite's header); check the path"
    }

    /// Prints the first admin token, which is shown only this once (only its hash is stored).
    static func showFirstAdminToken(_ token: String, host: String, port: Int?) {
        let address = port.map { "http://\(host):\($0)" } ?? "http://<host>:<port>"
        print(
            """
            Klaxon created the first admin token (shown only now, keep it safe):

                \(token)

            Send it as 'Authorization: Bearer <token>', for example:
                curl -H 'Authorization: Bearer \(token)' \(address)/api/v1/incidents
            """)
        // stdout is block-buffered when it is not a terminal (containers, systemd): show it now, not at exit.
        fflush(nil)
    }

    /// Builds the application; while the database cannot be opened for service (migrations pending on a file
    /// that takes no writes, a file it cannot read: `StorageUnavailable`), serves 503 from a
    /// `StorageWaitServer` on the same address and tries again every 5 seconds, instead of exiting.
    func buildWaitingForStorage(_ configuration: ApplicationConfiguration, logger: Logger) async throws -> Application {
        var configuration = configuration
        var waiting: StorageWaitServer?
        var lastReason: String?
        let storageLog = StorageAvailabilityLog(logger: logger)
        while true {
            do {
                let application = try await buildApplication(configuration, logger: logger, storageLog: storageLog)
                if let waiting {
                    await waiting.shutdown()
                    storageLog.forget()
                    logger.notice("database available: serving")
                }
                return application
            } catch let unavailable as StorageUnavailable {
                if unavailable.reason != lastReason {
                    logger.warning(
                        "database unavailable at start: answering 503 and trying again every 5 s",
                        metadata: ["reason": "\(unavailable.reason)"])
                    lastReason = unavailable.reason
                }
                if let waiting {
                    waiting.update(reason: unavailable.reason)
                } else {
                    let server = StorageWaitServer(
                        configuration: configuration, reason: unavailable.reason,
                        logger: Logger(label: "klaxon.http"))
                    let port = try server.start()
                    // The application takes over this very port (which matters with port 0).
                    configuration.server.port = port
                    waiting = server
                    logger.info(
                        "klaxon listening", metadata: ["host": "\(configuration.server.host)", "port": "\(port)"])
                }
                try await Task.sleep(for: .seconds(5))
            } catch {
                await waiting?.shutdown()
                throw error
            }
        }
    }
}

extension Duration {
    /// Milliseconds with microsecond precision, e.g. `0.513`.
    fileprivate var milliseconds: String {
        let (seconds, attoseconds) = components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
