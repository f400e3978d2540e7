/// The body of `POST /api/v1/heartbeats` and `PUT /api/v1/heartbeats/{id}`.
public struct NewHeartbeat: Hashable, Sendable, Codable {
    public var name: String?
    public var service: ServiceReference?
    public var intervalSeconds: Int?
    public var graceSeconds: Int?
    /// Of the incident a miss opens: sev1 … sev5, default sev2.
    public var severity: String?

    public init(
        name: String?, service: ServiceReference?, intervalSeconds: Int?, graceSeconds: Int? = nil,
        severity: String? = nil
    ) {
        self.name = name
        self.service = service
        self.intervalSeconds = intervalSeconds
        self.graceSeconds = graceSeconds
        self.severity = severity
    }

    enum CodingKeys: String, CodingKey {
        case name, service, severity
        case intervalSeconds = "interval_seconds"
        case graceSeconds = "grace_seconds"
    }

    public static let keys: Set<String> = ["name", "service", "interval_seconds", "grace_seconds", "severity"]
    /// A missed heartbeat means whatever it watches has stopped, or the alerting path to Klaxon has: sev2.
    public static let defaultSeverity = Severity.sev2
    /// 10 seconds to 31 days: Alertmanager re-sends Watchdog every `repeat_interval`, cron jobs run daily.
    public static let intervalRange = 10...2_678_400
    /// Up to 7 days.
    public static let graceRange = 0...604_800

    /// Checks every field; `grace_seconds` defaults to 0, `severity` to sev2.
    public func validate() throws(IncidentError) -> HeartbeatDraft {
        var validator = FieldValidator()
        let name = validator.name(name, field: "name")
        if service == nil { validator.fail("service", "is required, a service id or name") }
        if let service, let problem = service.problem() { validator.fail("service", problem) }
        let interval = intervalSeconds ?? 0
        if !Self.intervalRange.contains(interval) {
            validator.fail("interval_seconds", "must be a whole number of seconds from 10 to 2678400 (31 days)")
        }
        let grace = graceSeconds ?? 0
        if !Self.graceRange.contains(grace) {
            validator.fail("grace_seconds", "must be a whole number of seconds from 0 to 604800 (7 days)")
        }
        let severity = validator.severity(self.severity, default: Self.defaultSeverity)
        try validator.finish()
        return HeartbeatDraft(
            name: name ?? "", service: service ?? .name(Service.defaultName), intervalSeconds: interval,
            graceSeconds: grace, severity: severity)
    }
}
