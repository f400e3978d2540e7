/// How fast one sender may call the alert receivers: a token bucket per credential (a service's integration
/// key, or an `ingest`/`admin` token), refilled at `requestsPerSecond` up to `burst`.
///
/// The defaults admit a busy Alertmanager (every group of a large fleet re-sent at once after a restart) and
/// stop only a runaway loop, so that one broken sender cannot take the database's write capacity from every
/// other team. Requests over the limit are answered in the sender's retry language (issue 5): 503 with
/// `Retry-After` for Alertmanager, Grafana and generic senders (Alertmanager drops 429 answers), 429 for
/// PagerDuty- and Opsgenie-style senders.
public struct IngestionRateLimit: Sendable, Equatable {
    /// Sustained requests per second per credential.
    public var requestsPerSecond: Double
    /// Requests a credential may send at once after being quiet.
    public var burst: Int

    public init(requestsPerSecond: Double = 100, burst: Int = 1000) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }
}
