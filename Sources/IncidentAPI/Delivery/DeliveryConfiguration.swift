import HTTPCore
import IncidentDomain
import Synchronization

/// How the notification outbox is delivered (`ApplicationConfiguration.delivery`).
public struct DeliveryConfiguration: Sendable {
    /// How often the worker looks for due messages; nil runs no background worker (tests deliver with
    /// `Application.runDeliveries()`). A second keeps pages prompt for one indexed query.
    public var pollInterval: Duration? = .seconds(1)
    /// Lets pages go to loopback, private, link-local and other internal addresses
    /// (`--allow-private-destinations`): for receivers on the local network, and for tests.
    public var allowPrivateDestinations = false
    /// The base of the one-click links in pages (`--public-url`); nil: `http://<listen host>:<bound port>`.
    public var publicURL: String?
    /// Timeouts (5 s to connect, 10 s in all) and the 64 KiB cap on an answer's body.
    public var client = OutboundHTTPClient.Configuration()
    /// Retries: exponential from 10 s, capped at an hour, with jitter, for a day.
    public var backoff = DeliveryBackoff()
    /// Messages claimed (and sent concurrently, each on its own thread) per round.
    public var batchSize = 16
    /// The SMTP relay email pages go through (`--smtp-url`); nil: email rows wait, shown as `undeliverable`.
    public var mail: MailRelay?

    public init() {}

    /// Checks a `--public-url`: absolute, http or https, with a host.
    public static func checkPublicURL(_ url: String) -> Result<Void, any Error> {
        switch DeliveryTarget.parse(url) {
        case .success: .success(())
        case .failure(let failure): .failure(failure)
        }
    }
}

/// The base URL of one-click links: configured, or `http://<host>:<port>` once the server has bound its port.
final class PublicBaseURL: Sendable {
    private let current: Mutex<String>

    init(_ initial: String) {
        current = Mutex(initial)
    }

    var value: String { current.withLock { $0 } }

    func set(_ url: String) {
        current.withLock { $0 = url }
    }

    /// `http://host:port`, with an IPv6 host in brackets; a wildcard host becomes the loopback address.
    static func listening(host: String, port: Int) -> String {
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host
        return shown.contains(":") ? "http://[\(shown)]:\(port)" : "http://\(shown):\(port)"
    }
}
