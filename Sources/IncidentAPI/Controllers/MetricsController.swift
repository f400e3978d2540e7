import Foundation
import HTTPCore
import IncidentDomain
import IncidentStore
import Logging
import SQLiteCore

/// `GET /metrics`: Prometheus text exposition of what Klaxon holds and does. Store numbers are read at
/// scrape time in one read transaction (they survive restarts); HTTP numbers are counted since start.
/// Needs a `read` token unless `isPublic` (`klaxon serve --metrics-public`).
struct MetricsController: Sendable {
    let store: KlaxonStore
    let http: HTTPMetrics
    let isPublic: Bool
    /// Without an SMTP relay, queued email rows are shown apart instead of as pending and lagging.
    let emailRelayConfigured: Bool
    let clock: any WallClock
    let logger: Logger

    func register(in router: inout APIRouter) {
        if isPublic {
            let controller = self
            router.addPublic(.get, "/metrics") { _ in
                do {
                    return try await controller.scrape(now: controller.clock.now())
                } catch {
                    return .problem(.from(error, logger: controller.logger))
                }
            }
        } else {
            router.add(
                .get, "/metrics", scope: .read,
                noCredentialHint:
                    "for a Prometheus scrape, give it a read token (authorization: {credentials_file: ...} in its scrape config) or start Klaxon"
                    + " with --metrics-public (KLAXON_METRICS_PUBLIC=1)."
            ) { try await scrape(now: $0.now) }
        }
    }

    func scrape(now: Date) async throws -> HTTPResponse {
        let metrics = try await store.metrics(now: now, emailRelayConfigured: emailRelayConfigured)
        var text = PrometheusText()
        Self.write(metrics, to: &text)
        Self.write(http.snapshot(), to: &text)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: PrometheusText.contentType)
        return HTTPResponse(status: .ok, headers: headers, body: .bytes(Array(text.text.utf8)))
    }

    static func write(_ metrics: StoreMetrics, to text: inout PrometheusText) {
        text.family("klaxon_open_incidents", .gauge, help: "Open incidents (triggered, acknowledged, mitigated).")
        for series in metrics.openIncidents {
            text.sample(
                "klaxon_open_incidents", [("severity", series.severity.rawValue), ("service", series.service)],
                Double(series.count))
        }
        text.single(
            "klaxon_incidents_created_total", .counter, help: "Incidents opened.", Double(metrics.incidentsCreated))
        text.single(
            "klaxon_incidents_acknowledged_total", .counter, help: "Incidents acknowledged at least once.",
            Double(metrics.incidentsAcknowledged))
        text.single(
            "klaxon_incidents_escalated_total", .counter, help: "Escalations, by hand or by the escalation engine.",
            Double(metrics.escalations))
        text.single(
            "klaxon_incidents_resolved_total", .counter, help: "Resolutions (again after a reopen).",
            Double(metrics.resolutions))
        text.family(
            "klaxon_time_to_acknowledge_seconds", .histogram,
            help: "From an incident's creation to its first acknowledgement.")
        text.histogram("klaxon_time_to_acknowledge_seconds", metrics.timeToAcknowledge)
        text.family(
            "klaxon_time_to_resolve_seconds", .histogram, help: "From an incident's creation to its resolution.")
        text.histogram("klaxon_time_to_resolve_seconds", metrics.timeToResolve)
        text.single(
            "klaxon_notifications_delivered_total", .counter, help: "Outbox messages delivered.",
            Double(metrics.notificationsByStatus["sent"] ?? 0))
        text.single(
            "klaxon_notifications_failed_total", .counter, help: "Outbox messages given up on.",
            Double(["failed", "dead"].reduce(0) { $0 + (metrics.notificationsByStatus[$1] ?? 0) }))
        text.single(
            "klaxon_notifications_cancelled_total", .counter,
            help: "Outbox messages not sent again because their incident was acknowledged or resolved meanwhile.",
            Double(metrics.notificationsByStatus["cancelled"] ?? 0))
        text.single(
            "klaxon_notifications_pending", .gauge, help: "Outbox messages waiting to be delivered or on their way.",
            Double(["pending", "sending"].reduce(0) { $0 + (metrics.notificationsByStatus[$1] ?? 0) }))
        text.single(
            "klaxon_notifications_retrying", .gauge,
            help: "Pending outbox messages whose last attempt failed (receiver down or refusing); retried on backoff.",
            Double(metrics.notificationsRetrying))
        text.single(
            "klaxon_notifications_undeliverable", .gauge,
            help: "Email pages waiting for an SMTP relay (klaxon serve --smtp-url); not counted as pending.",
            Double(metrics.emailAwaitingRelay))
        text.single(
            "klaxon_outbox_lag_seconds", .gauge,
            help: "Age of the oldest pending outbox message already due (0: none).",
            metrics.outboxLagSeconds)
        text.single(
            "klaxon_escalation_timers_due", .gauge,
            help: "Escalation timers that ran out and wait for the engine.", Double(metrics.escalationTimersDue))
        text.single(
            "klaxon_escalation_lag_seconds", .gauge,
            help: "Age of the oldest escalation timer that ran out (0: none); above the poll interval pages run late.",
            metrics.escalationLagSeconds)
        text.family("klaxon_alerts_ingested_total", .counter, help: "Alerts received, re-sends included, by receiver.")
        for (receiver, count) in metrics.alertsByReceiver.sorted(by: { $0.key < $1.key }) {
            text.sample("klaxon_alerts_ingested_total", [("receiver", receiver)], Double(count))
        }
        text.family(
            "klaxon_sqlite_write_duration_seconds", .histogram,
            help: "Write transactions from BEGIN to durable COMMIT, since start.")
        text.histogram("klaxon_sqlite_write_duration_seconds", metrics.writes.commitSeconds)
        text.family(
            "klaxon_sqlite_commit_batch_size", .histogram,
            help: "Writers committed together per transaction, since start.")
        text.histogram("klaxon_sqlite_commit_batch_size", metrics.writes.commitBatchSizes)
        text.single(
            "klaxon_sqlite_writes_rerun_total", .counter,
            help: "Writers run again because another's failure took their shared transaction down, since start.",
            Double(metrics.writes.callersRerun))
        text.single(
            "klaxon_sqlite_reads_total", .counter, help: "Reads run by the database readers, since start.",
            Double(metrics.writes.readsRun))
        text.single(
            "klaxon_sqlite_read_transactions_total", .counter,
            help: "Read transactions the readers ran them in (reads queued together share one), since start.",
            Double(metrics.writes.readTransactions))
        text.single(
            "klaxon_database_size_bytes", .gauge, help: "The database file's pages.", Double(metrics.databaseBytes))
        text.single(
            "klaxon_database_wal_size_bytes", .gauge, help: "The write-ahead log file.", Double(metrics.walBytes))
    }

    static func write(
        _ http: (requests: [(HTTPMetrics.Series, Int)], latency: [(HTTPMetrics.RouteKey, BucketCounts)]),
        to text: inout PrometheusText
    ) {
        text.family(
            "klaxon_http_requests_total", .counter, help: "HTTP requests answered since start, by route pattern.")
        for (series, count) in http.requests {
            text.sample(
                "klaxon_http_requests_total",
                [("route", series.route), ("method", series.method), ("status", String(series.status))], Double(count))
        }
        text.family(
            "klaxon_http_request_duration_seconds", .histogram,
            help: "From a complete request head to its answer handed to the socket, since start.")
        for (key, counts) in http.latency {
            text.histogram(
                "klaxon_http_request_duration_seconds", counts, labels: [("route", key.route), ("method", key.method)])
        }
    }
}
