import HTTPCore
import Logging
import Synchronization

/// What `klaxon serve` runs while the database cannot be opened for service at all — migrations pending on a
/// file that takes no writes, a file it cannot read — instead of exiting: it listens where the application
/// will, so a load balancer sees it not ready and senders get their retry answer, until `buildApplication`
/// succeeds and the application takes over the port.
///
/// `/healthz` is 200 (the process is alive); `/readyz` is 503 naming why; PagerDuty Events v2 gets its own
/// 503 shape and everything else 503 problem+json, all with `Retry-After`.
public final class StorageWaitServer: Sendable {
    /// The reason the answers name, shared with the routes.
    final class Reason: Sendable {
        private let text: Mutex<String>
        init(_ text: String) { self.text = Mutex(text) }
        var current: String { text.withLock { $0 } }
        func set(_ new: String) { text.withLock { $0 = new } }
    }

    private let server: HTTPServer
    private let reason: Reason

    /// Waits on the application's address, answering with `reason` until it changes (see ``update(reason:)``).
    /// Bodies up to the alert receivers' limit are read, so a large Alertmanager group gets 503, not 413.
    public init(configuration: ApplicationConfiguration, reason: String, logger: Logger) {
        let reason = Reason(reason)
        self.reason = reason
        let current = { @Sendable in reason.current }
        var router = Router()
        router.add(.get, "/healthz", .inline { _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .bytes(Array("ok".utf8)))
        })
        router.add(.get, "/readyz", .inline { _ in
            .problem(
                ProblemDetails(
                    kind: "not-ready", title: "Not Ready", status: 503,
                    detail: "Klaxon is waiting for its database: \(current()).",
                    extensions: [
                        "database": .string("unavailable"),
                        "migrations": .string(current().contains("pending migration") ? "pending" : "unknown"),
                        "problems": .array([.string(current())]),
                    ],
                    retryAfterSeconds: 5))
        })
        let detail = { @Sendable in
            "Klaxon is waiting for its database (\(current())); nothing was written. Retry later."
        }
        router.add(.post, "/v2/enqueue", .inline { _ in
            IngestionController.pagerDutyAnswer(HTTPStatus(code: 503), .unavailable(detail()), retryAfterSeconds: 5)
        })
        router.fallback = .inline { _ in
            .problem(ProblemDetails(kind: "unavailable", title: "Service Unavailable", status: 503, detail: detail(), retryAfterSeconds: 5))
        }
        var serverConfiguration = configuration.server
        serverConfiguration.parser.defaultBodyLimit = max(configuration.maxIngestionBodySize, configuration.maxAPIBodySize)
        server = HTTPServer(configuration: serverConfiguration, router: router, logger: logger)
    }

    /// Starts listening; returns the bound port (with port 0, the one the application must then take).
    public func start() throws -> Int {
        try server.start()
    }

    /// The reason `/readyz` and the refusals name from now on.
    public func update(reason new: String) {
        reason.set(new)
    }

    /// Stops listening and closes every connection, so the application can bind the port.
    public func shutdown() async {
        await server.shutdown(gracePeriod: .seconds(1))
    }
}
