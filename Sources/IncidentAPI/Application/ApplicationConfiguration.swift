import HTTPCore
import IncidentDomain

/// Everything `buildApplication` needs, with the defaults `klaxon serve` uses.
public struct ApplicationConfiguration: Sendable {
    /// Listening address, limits and timeouts of the HTTP server.
    public var server: HTTPServerConfiguration
    /// The SQLite database file; created and migrated when missing.
    public var databasePath: String
    /// The secrets key file (`--secrets-key-file`): the key sealing the secrets kept in the database; nil is
    /// `<databasePath>.key`, created on first start.
    public var secretsKeyPath: String?
    /// Folder of the dashboard's static files, served under `/`; nil serves no files.
    public var publicDirectory: String?
    /// Admin token to install on first start instead of a random one (`KLAXON_ADMIN_TOKEN`), for automated
    /// set-ups; at least 32 characters. Ignored once the database holds any token.
    public var initialAdminToken: String?
    /// How long a write waits for a lock held by another process before the answer is 503: long enough to
    /// ride out a backup's or a migration's short lock, short enough that senders retry elsewhere.
    public var databaseBusyTimeout: Duration = .seconds(5)
    /// Opens the database file read-only (`SQLITE_OPEN_READONLY`): reads are served, every write is answered
    /// 503 as on a read-only file system, and `/readyz` is 503. Default false.
    public var opensDatabaseReadOnly = false
    /// Largest body the JSON API accepts: incidents and notes are small, so 1 MiB is generous.
    public var maxAPIBodySize: Int = 1024 * 1024
    /// Largest body the alert receivers accept (PagerDuty's keeps PagerDuty's own 512 KB): 8 MiB, so an
    /// Alertmanager group of 1,000 alerts fits in one request (issue 5).
    public var maxIngestionBodySize: Int = 8 * 1024 * 1024
    /// Requests per credential the alert receivers admit (a token bucket); nil turns the limit off.
    public var ingestionRateLimit: IngestionRateLimit? = IngestionRateLimit()
    /// How alerts group into incidents: the reopen window (30 minutes by default).
    public var alertGrouping = AlertGrouping.Configuration()
    /// How often the escalation engine looks for levels whose delay ran out: delays are whole minutes, so
    /// a second keeps pages on time without a noticeable load (one indexed query on running timers).
    public var escalationPollInterval: Duration = .seconds(1)
    /// How often `GET /api/v1/stream` sends a comment line while nothing happens, so that proxies and clients
    /// keep an idle stream open (and a client that went away is noticed).
    public var streamHeartbeatInterval: Duration = .seconds(15)
    /// A team's own postmortem template (Mustache text, README.md lists its fields) instead of the built-in one;
    /// compiled by `buildApplication`, which fails when it does not compile.
    public var postmortemTemplate: String?
    /// Whether `GET /metrics` answers without a token (`--metrics-public`), for a Prometheus that scrapes
    /// without credentials; off by default, as the numbers name services.
    public var metricsPublic = false
    /// The outbox worker: poll interval, SSRF guard, public URL of links, timeouts, retries (issue 7).
    public var delivery = DeliveryConfiguration()
    /// How long resolved alerts and closed incidents' raw alert payloads are kept; nil keeps them forever.
    public var alertRetention: AlertRetention?

    public init(
        server: HTTPServerConfiguration = HTTPServerConfiguration(),
        databasePath: String = "./klaxon.db",
        publicDirectory: String? = "./Public",
        initialAdminToken: String? = nil,
        databaseBusyTimeout: Duration = .seconds(5)
    ) {
        self.databaseBusyTimeout = databaseBusyTimeout
        self.server = server
        self.databasePath = databasePath
        self.publicDirectory = publicDirectory
        self.initialAdminToken = initialAdminToken
    }
}
