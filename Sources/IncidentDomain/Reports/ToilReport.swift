import Foundation

/// Where on-call time goes, per alert source and alert name (`GET /api/v1/reports/toil`): the alerts
/// worth fixing or deleting are those that page often, outside working hours, and resolve before anyone
/// looks.
public struct ToilReport: Hashable, Sendable {
    /// One alert source and name.
    public struct Entry: Hashable, Sendable {
        public var source: String
        public var name: String
        /// Pages sent for the incidents this alert opened or joined.
        public var pages: Int
        /// Of those, pages of a user outside their working hours (in their zone).
        public var pagesOutsideWorkingHours: Int
        public var incidents: Int
        /// Share of those incidents acknowledged (0...1).
        public var acknowledgedShare: Double
        /// Share resolved while nobody had acknowledged them: flapping, or nothing for a person to do.
        public var resolvedUnacknowledgedShare: Double
        /// Median seconds from the response start to the first acknowledgement, nil when none was.
        public var medianSecondsToAcknowledge: Double?
        /// The dedup keys that opened the most incidents, most first (at most `topDedupKeyCount`).
        public var topDedupKeys: [DedupKeyCount]
    }

    /// How often one dedup key came back.
    public struct DedupKeyCount: Hashable, Sendable {
        public var dedupKey: String
        /// Incidents opened with it.
        public var incidents: Int
        /// Alerts received with it, re-sends included.
        public var timesSeen: Int
    }

    /// How many dedup keys an entry lists.
    public static let topDedupKeyCount = 5

    /// Most pages first, then most incidents, then by source and name.
    public var entries: [Entry]

    public init(_ history: ToilHistory) {
        let incidents = Dictionary(history.incidents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pagesByIncident = Dictionary(grouping: history.pages, by: \.incident)
        let groups = Dictionary(grouping: history.alerts) { GroupKey(source: $0.source, name: $0.name) }
        entries = groups.map { key, alerts in
            let incidentIDs = Set(alerts.map(\.incident))
            let records = incidentIDs.compactMap { incidents[$0] }
            let pages = incidentIDs.flatMap { pagesByIncident[$0] ?? [] }
            let outside = pages.filter { page in
                guard let user = page.user, let person = history.people[user] else { return false }
                return !Self.isWorkingTime(page.at, of: person)
            }
            let acknowledged = records.filter { $0.acknowledgedAt != nil }.count
            let flapping = records.filter { $0.acknowledgedAt == nil && $0.resolvedAt != nil }.count
            let acknowledgeSeconds = records.compactMap { record in
                record.acknowledgedAt.map { max(0, $0.timeIntervalSince(record.responseStart)) }
            }
            var byKey: [String: (incidents: Set<IncidentID>, seen: Int)] = [:]
            for alert in alerts {
                byKey[alert.dedupKey, default: ([], 0)].incidents.insert(alert.incident)
                byKey[alert.dedupKey, default: ([], 0)].seen += alert.timesSeen
            }
            let topKeys = byKey.map {
                DedupKeyCount(dedupKey: $0.key, incidents: $0.value.incidents.count, timesSeen: $0.value.seen)
            }
            .sorted {
                if $0.incidents != $1.incidents { return $0.incidents > $1.incidents }
                if $0.timesSeen != $1.timesSeen { return $0.timesSeen > $1.timesSeen }
                return $0.dedupKey < $1.dedupKey
            }
            let share = { (count: Int) in records.isEmpty ? 0 : Double(count) / Double(records.count) }
            return Entry(
                source: key.source, name: key.name, pages: pages.count, pagesOutsideWorkingHours: outside.count,
                incidents: records.count, acknowledgedShare: share(acknowledged),
                resolvedUnacknowledgedShare: share(flapping),
                medianSecondsToAcknowledge: DurationSummary(acknowledgeSeconds).medianSeconds,
                topDedupKeys: Array(topKeys.prefix(Self.topDedupKeyCount)))
        }
        .sorted {
            if $0.pages != $1.pages { return $0.pages > $1.pages }
            if $0.incidents != $1.incidents { return $0.incidents > $1.incidents }
            return ($0.source, $0.name) < ($1.source, $1.name)
        }
    }

    private struct GroupKey: Hashable {
        var source: String
        var name: String
    }

    /// True when `instant` falls in `person`'s working hours in their zone: on one of their days, from
    /// `start` (inclusive) to `end` (exclusive). Hours that end past midnight (22:00-06:00) belong to the day
    /// they start on. An unknown zone counts as UTC.
    public static func isWorkingTime(_ instant: Date, of person: ToilHistory.Person) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: person.timeZone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: instant)
        guard let weekday = parts.weekday, let hour = parts.hour, let minute = parts.minute else { return false }
        // Calendar's weekday is 1 = Sunday ... 7 = Saturday; working hours use ISO 1 = Monday ... 7 = Sunday.
        let isoDay = weekday == 1 ? 7 : weekday - 1
        let previousDay = isoDay == 1 ? 7 : isoDay - 1
        let time = LocalTime(hour: hour, minute: minute)
        let hours = person.workingHours
        if hours.start < hours.end {
            return hours.days.contains(isoDay) && hours.start <= time && time < hours.end
        }
        return (hours.days.contains(isoDay) && time >= hours.start)
            || (hours.days.contains(previousDay) && time < hours.end)
    }
}
