import Foundation
import IncidentDomain
import SQLiteCore

/// The numbers `/metrics` exposes about what the database holds, read in one read transaction at scrape
/// time (so the counters survive restarts), plus the pool's write counters and the files' sizes.
public struct StoreMetrics: Sendable {
    /// Open incidents per severity and service name (empty name: no service).
    public var openIncidents: [OpenIncidentCount]
    public var incidentsCreated: Int
    /// Incidents ever acknowledged (a mitigation counts as the acknowledgement).
    public var incidentsAcknowledged: Int
    /// `escalated` timeline events, by hand or by the escalation engine.
    public var escalations: Int
    /// `resolved` timeline events: every resolution, again after a reopen.
    public var resolutions: Int
    /// Seconds from creation to first acknowledgement, of every acknowledged incident.
    public var timeToAcknowledge: BucketCounts
    /// Seconds from creation to the current resolution, of every resolved incident.
    public var timeToResolve: BucketCounts
    /// Outbox rows by status (`pending`, `sending`, `sent`, `dead`, `cancelled`; `failed` before the delivery
    /// worker).
    public var notificationsByStatus: [String: Int]
    /// Alerts received per receiver (`source`), re-sends of the same alert included.
    public var alertsByReceiver: [String: Int]
    /// Age in seconds of the oldest pending (or sending) outbox row already due; 0 when none is.
    public var outboxLagSeconds: Double
    /// Email rows waiting for an SMTP relay while none is configured: counted here, not as pending and not in
    /// the lag, which would otherwise grow for mail nobody can send.
    public var emailAwaitingRelay: Int = 0
    /// Pending (or in-flight) outbox rows with at least one failed attempt: pages not reaching their receiver
    /// right now, which `outboxLagSeconds` does not show between retries.
    public var notificationsRetrying: Int = 0
    /// Escalation timers that ran out and wait for the engine, and the age in seconds of the oldest (0: none).
    /// A lag beyond the engine's poll interval means pages are going out late.
    public var escalationTimersDue: Int
    public var escalationLagSeconds: Double
    public var databaseBytes: Int64
    public var walBytes: Int64
    public var writes: WriteStatistics

    /// The timeline events the counters read, spelled exactly as the partial index that holds only them
    /// (`0013_timeline_kinds_counted.sql`), so the planner uses it instead of walking the whole timeline.
    public static let countedTimelineKinds = "(kind = 'escalated' OR kind = 'resolved')"

    /// Bucket bounds of the response-time histograms: 30 s to 1 day.
    public static let responseTimeBounds: [Double] = [
        30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400,
    ]
}

/// One series of the open-incidents gauge.
public struct OpenIncidentCount: Sendable, Hashable {
    public var severity: Severity
    public var service: String
    public var count: Int
}

extension KlaxonStore {
    /// Reads `StoreMetrics` at `now`; without `emailRelayConfigured`, waiting email rows are counted apart.
    public func metrics(now: Date, emailRelayConfigured: Bool = true) async throws -> StoreMetrics {
        let writes = pool.statistics
        let walBytes = Self.fileSize(pool.path + "-wal")
        return try await pool.repositoryRead { db in
            let open = try db.query(
                """
                SELECT i.severity, coalesce(s.name, ''), count(*) FROM incidents i LEFT JOIN services s ON s.id = i.service_id
                WHERE i.\(SQLiteIncidentRepository.openCondition) GROUP BY 1, 2 ORDER BY 1, 2
                """
            ) { row -> OpenIncidentCount in
                OpenIncidentCount(
                    severity: try Severity(stored: row.string(at: 0), column: "incidents.severity"),
                    service: try row.string(at: 1), count: try row.column(2, as: Int.self))
            }
            // Through the smallest index: incidents are never deleted, but their number is not kept elsewhere.
            let created = try db.queryValue("SELECT count(*) FROM incidents", as: Int.self) ?? 0
            let timeToAcknowledge = try Self.responseTimes("acknowledge", in: db)
            let timeToResolve = try Self.responseTimes("resolve", in: db)
            var events: [String: Int] = [:]
            for (kind, count) in try db.query(
                "SELECT kind, count(*) FROM timeline_events WHERE \(StoreMetrics.countedTimelineKinds) GROUP BY kind",
                row: { (try $0.string(at: 0), try $0.column(1, as: Int.self)) })
            {
                events[kind] = count
            }
            var notifications: [String: Int] = [:]
            var emailAwaitingRelay = 0
            var retrying = 0
            // Unsendable: email rows still queued while no relay is configured.
            let unsendable = emailRelayConfigured ? "0" : "channel = 'email' AND status IN ('pending', 'sending')"
            for (status, unsent, count, failedBefore) in try db.query(
                "SELECT status, \(unsendable), count(*), sum(attempts > 0) FROM notification_outbox GROUP BY 1, 2",
                row: {
                    (
                        try $0.string(at: 0), try $0.column(1, as: Bool.self), try $0.column(2, as: Int.self),
                        try $0.column(3, as: Int.self)
                    )
                })
            {
                if unsent { emailAwaitingRelay += count } else { notifications[status, default: 0] += count }
                if !unsent && (status == "pending" || status == "sending") { retrying += failedBefore }
            }
            var alerts: [String: Int] = [:]
            for (source, count) in try db.query(
                "SELECT source, sum(times_seen) FROM alerts GROUP BY source",
                row: { (try $0.string(at: 0), try $0.column(1, as: Int.self)) })
            {
                alerts[source] = count
            }
            let nowMS = Timestamp.milliseconds(now)
            // `sending` (issue 7's delivery worker): in flight, or left in flight by a crash; due all the same.
            let oldestDue =
                try db.queryValue(
                    """
                    SELECT min(next_attempt_at) FROM notification_outbox
                    WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
                    \(emailRelayConfigured ? "" : "AND channel <> 'email'")
                    """,
                    [nowMS], as: Int64?.self) ?? nil
            let (timersDue, oldestTimer) =
                try db.queryFirst(
                    """
                    SELECT count(*), min(next_escalation_at) FROM incident_escalations
                    WHERE next_escalation_at IS NOT NULL AND next_escalation_at <= ?
                    """, [nowMS]
                ) { (try $0.column(0, as: Int.self), try $0.column(1, as: Int64?.self)) } ?? (0, nil)
            let pageCount = try db.queryValue("PRAGMA page_count", as: Int64.self) ?? 0
            let pageSize = try db.queryValue("PRAGMA page_size", as: Int64.self) ?? 0
            var metrics = StoreMetrics(
                openIncidents: open, incidentsCreated: created, incidentsAcknowledged: timeToAcknowledge.count,
                escalations: events["escalated"] ?? 0, resolutions: events["resolved"] ?? 0,
                timeToAcknowledge: timeToAcknowledge, timeToResolve: timeToResolve,
                notificationsByStatus: notifications, alertsByReceiver: alerts,
                outboxLagSeconds: oldestDue.map { Double(nowMS - $0) / 1000 } ?? 0,
                escalationTimersDue: timersDue,
                escalationLagSeconds: oldestTimer.map { Double(nowMS - $0) / 1000 } ?? 0,
                databaseBytes: pageCount * pageSize, walBytes: walBytes, writes: writes)
            metrics.emailAwaitingRelay = emailAwaitingRelay
            metrics.notificationsRetrying = retrying
            return metrics
        }
    }

    /// The response-time histogram of `measure` (`acknowledge`, `resolve`) from the counters that triggers keep
    /// (`0014_response_time_counters.sql`): a scrape reads one row per bucket whatever the number of incidents.
    /// The bounds are the stored ones (`responseTimeBounds` when the migration ran).
    private static func responseTimes(_ measure: String, in db: Connection) throws -> BucketCounts {
        let rows = try db.query(
            "SELECT upper_bound_ms, incidents, total_ms FROM incident_response_times WHERE measure = ? ORDER BY 1",
            [measure]
        ) { (try $0.column(0, as: Int64.self), try $0.column(1, as: Int.self), try $0.column(2, as: Int64.self)) }
        let finite = rows.filter { $0.0 != Int64.max }
        var cumulative: [Int] = []
        var running = 0
        for (_, incidents, _) in finite {
            running += incidents
            cumulative.append(running)
        }
        return BucketCounts(
            upperBounds: finite.map { Double($0.0) / 1000 }, cumulative: cumulative,
            count: rows.reduce(0) { $0 + $1.1 }, sum: rows.reduce(0.0) { $0 + Double($1.2) } / 1000)
    }

    private static func fileSize(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
