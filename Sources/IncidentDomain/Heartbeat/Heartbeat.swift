import Foundation

/// A dead-man's switch: something (a cron job, Alertmanager's always-firing `Watchdog`) pings it at least
/// every `interval`; when a ping is more than `interval + grace` late, an incident opens on its service,
/// and it resolves itself when pings return.
public struct Heartbeat: Hashable, Sendable, Identifiable {
    public var id: HeartbeatID
    /// Unique, the rule of service names; the ping URL names it.
    public var name: String
    public var service: ServiceRef
    public var intervalSeconds: Int
    public var graceSeconds: Int
    /// The severity of the incident a miss opens.
    public var severity: Severity
    /// The last ping; nil before the first.
    public var lastPingAt: Date?
    /// When it counts as missed: the last ping (or the creation) + interval + grace.
    public var dueAt: Date
    /// The incident opened because it was missed, until a ping returns; nil while it is healthy.
    public var incidentID: IncidentID?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: HeartbeatID, name: String, service: ServiceRef, intervalSeconds: Int, graceSeconds: Int,
        severity: Severity = NewHeartbeat.defaultSeverity, lastPingAt: Date? = nil, dueAt: Date,
        incidentID: IncidentID? = nil, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.service = service
        self.intervalSeconds = intervalSeconds
        self.graceSeconds = graceSeconds
        self.severity = severity
        self.lastPingAt = lastPingAt
        self.dueAt = dueAt
        self.incidentID = incidentID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// `interval + grace` in seconds.
    public var allowance: Double { Double(intervalSeconds + graceSeconds) }

    /// `missed` while its incident is open; `late` once due but not yet checked; `new` before the first ping;
    /// `up` otherwise.
    public func status(at now: Date) -> String {
        if incidentID != nil { return "missed" }
        if dueAt <= now { return "late" }
        return lastPingAt == nil ? "new" : "up"
    }

    /// The incident a missed heartbeat opens (deduplicated by `heartbeat:<name>` on its service).
    public func missedIncident(at now: Date) throws(IncidentError) -> IncidentDraft {
        let since = lastPingAt.map { "the last ping at \(Timestamp.format($0))" } ?? "it was created"
        return try NewIncident(
            title: "Heartbeat \(name) missed",
            summary:
                "No ping for \(intervalSeconds + graceSeconds) s (interval \(intervalSeconds) s + grace \(graceSeconds) s) since \(since). Whatever pings it (a job, Alertmanager's Watchdog) has stopped: check it and the path to Klaxon.",
            severity: severity.rawValue, service: .id(service.id), labels: ["heartbeat": name],
            dedupKey: "heartbeat:\(name)"
        ).validate()
    }

    /// This heartbeat after a ping at `now`: due again after interval + grace, no longer missed.
    public func pinged(at now: Date) -> Heartbeat {
        var next = self
        next.lastPingAt = now
        next.dueAt = now.addingTimeInterval(allowance)
        next.incidentID = nil
        next.updatedAt = now
        return next
    }

    /// Klaxon's principal for the incidents heartbeats open and resolve.
    public static let principal = Principal(kind: .system, name: "heartbeat")
}
