import Foundation

/// Response metrics over a set of incidents (`GET /api/v1/stats`): counts, how fast people acknowledge,
/// mitigate and resolve, how often incidents escalate, and how many each service has per week.
///
/// Durations run from `IncidentResponseRecord.responseStart` (creation, or the first alert's start when
/// earlier) to the first acknowledgement (a mitigation counts as one), the first mitigation, and the current
/// resolution; incidents that have not reached a stage are left out of that stage.
public struct ResponseStatistics: Hashable, Sendable {
    public var incidentCount: Int
    /// Every status and every severity, zeros included.
    public var byStatus: [IncidentStatus: Int]
    public var bySeverity: [Severity: Int]
    public var timeToAcknowledge: DurationSummary
    public var timeToMitigate: DurationSummary
    public var timeToResolve: DurationSummary
    public var escalations: Int
    /// Escalations ÷ incidents; nil without incidents.
    public var escalationsPerIncident: Double?
    /// Per service (nil: incidents of deleted services) and ISO week (starting Monday 00:00 UTC), by week
    /// then service name.
    public var perServicePerWeek: [ServiceWeekCount]

    public init(_ records: [IncidentResponseRecord]) {
        incidentCount = records.count
        byStatus = Dictionary(uniqueKeysWithValues: IncidentStatus.allCases.map { ($0, 0) })
        bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        for record in records {
            byStatus[record.status, default: 0] += 1
            bySeverity[record.severity, default: 0] += 1
        }
        func durations(_ stage: (IncidentResponseRecord) -> Date?) -> DurationSummary {
            DurationSummary(
                records.compactMap { record in
                    stage(record).map { max(0, $0.timeIntervalSince(record.responseStart)) }
                })
        }
        timeToAcknowledge = durations(\.acknowledgedAt)
        timeToMitigate = durations(\.mitigatedAt)
        timeToResolve = durations(\.resolvedAt)
        escalations = records.reduce(0) { $0 + $1.escalations }
        escalationsPerIncident = records.isEmpty ? nil : Double(escalations) / Double(records.count)
        var weeks: [ServiceWeekCount.Key: Int] = [:]
        for record in records {
            weeks[
                ServiceWeekCount.Key(service: record.service, weekStart: Self.weekStart(of: record.createdAt)),
                default: 0] += 1
        }
        perServicePerWeek = weeks.map {
            ServiceWeekCount(service: $0.key.service, weekStart: $0.key.weekStart, incidents: $0.value)
        }
        .sorted {
            if $0.weekStart != $1.weekStart { return $0.weekStart < $1.weekStart }
            return ($0.service ?? "") < ($1.service ?? "")
        }
    }

    /// The Monday 00:00 UTC that starts the ISO week of `date`.
    public static func weekStart(of date: Date) -> Date {
        let milliseconds = Timestamp.milliseconds(date)
        let dayMS: Int64 = 86_400_000
        var days = milliseconds / dayMS
        if milliseconds % dayMS < 0 { days -= 1 }
        // 1970-01-01 was a Thursday: days + 3 counts from a Monday.
        var sinceMonday = (days + 3) % 7
        if sinceMonday < 0 { sinceMonday += 7 }
        return Timestamp.date(milliseconds: (days - sinceMonday) * dayMS)
    }
}

/// Incidents of one service in one week.
public struct ServiceWeekCount: Hashable, Sendable {
    public var service: String?
    public var weekStart: Date
    public var incidents: Int

    struct Key: Hashable {
        var service: String?
        var weekStart: Date
    }
}
