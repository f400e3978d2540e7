import Foundation

/// A blameless postmortem draft of one incident, after the postmortem of Google's SRE book: what Klaxon
/// recorded (dates, durations, people, the timeline, alerts, action items) filled in, and the parts only
/// people know taken from the written sections. Pure: built from stored values, never reads the clock.
public struct Postmortem: Sendable {
    /// One timeline event as the postmortem shows it.
    public struct TimelineEntry: Hashable, Sendable {
        public var event: TimelineEvent
        /// `triggered`, `acknowledged`, `escalated to level n`, `mitigated`, `resolved`, `reopened`, `closed`;
        /// nil for the other events (notes, edits, pages, alerts).
        public var milestone: String?
    }

    public var incident: Incident
    /// The commander first (when set), then every person on the timeline in order of first appearance, as
    /// recorded (`user:alice`, `token:ci-bot`). Klaxon itself and alert integrations are not authors.
    public var authors: [Principal]
    /// When the impact began: the earliest start an alert reported when it is not after the incident's creation,
    /// else the creation.
    public var impactStart: Date
    /// Whether `impactStart` comes from an alert (`first_alert`) or the incident's creation (`created`).
    public var impactStartSource: String
    /// When the impact ended: the resolution; nil while unresolved.
    public var impactEnd: Date?
    /// Error-budget minutes this incident spent on its service's SLO; nil when no SLO is declared.
    public var errorBudgetMinutes: Double?
    /// The alert received first, if alerts opened or joined the incident.
    public var firstAlert: StoredAlert?
    public var timeline: [TimelineEntry]
    public var alerts: [StoredAlert]
    public var sections: [PostmortemSectionName: PostmortemSection]
    public var actionItems: [ActionItem]

    /// Assembles the draft. `alerts` and `timeline` in stored order; `actionItems` in any order (shown by id).
    public init(
        incident: Incident, timeline: [TimelineEvent], alerts: [StoredAlert], sections: [PostmortemSection],
        actionItems: [ActionItem], errorBudgetMinutes: Double?
    ) {
        self.incident = incident
        // An alert row holds its latest firing (a re-fire after a resolve starts anew); the timeline keeps what
        // each firing said, so an alert's first start is the earliest of both, and that is what a postmortem shows.
        let recordedStarts = Self.earliestRecordedStarts(in: timeline)
        let alerts = alerts.map { alert in
            var first = alert
            if let recorded = recordedStarts[alert.alertKey], recorded < alert.startsAt { first.startsAt = recorded }
            return first
        }
        self.alerts = alerts
        self.sections = Dictionary(sections.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.actionItems = actionItems.sorted { $0.id < $1.id }
        self.errorBudgetMinutes = errorBudgetMinutes
        self.firstAlert = alerts.min { ($0.firstSeenAt, $0.id) < ($1.firstSeenAt, $1.id) }
        if let alertStart = alerts.map(\.startsAt).min(), alertStart <= incident.createdAt {
            impactStart = alertStart
            impactStartSource = "first_alert"
        } else {
            impactStart = incident.createdAt
            impactStartSource = "created"
        }
        impactEnd = incident.resolvedAt
        self.timeline = timeline.map { TimelineEntry(event: $0, milestone: Self.milestone(of: $0)) }
        var authors: [Principal] = []
        if let commander = incident.commander { authors.append(Principal(kind: .user, name: commander)) }
        for event in timeline where event.actor.kind != .system && event.actor.kind != .integration {
            if !authors.contains(event.actor) { authors.append(event.actor) }
        }
        self.authors = authors
    }

    /// The earliest `starts_at` each alert key's firing `alert_received` events recorded.
    static func earliestRecordedStarts(in timeline: [TimelineEvent]) -> [String: Date] {
        var starts: [String: Date] = [:]
        for event in timeline where event.kind == .alertReceived && event.data["action"]?.stringValue == "trigger" {
            guard let key = event.data["alert_key"]?.stringValue,
                let text = event.data["starts_at"]?.stringValue, let start = Timestamp.parse(text)
            else { continue }
            starts[key] = starts[key].map { min($0, start) } ?? start
        }
        return starts
    }

    /// The length of the impact, `impactStart` to `impactEnd`; nil while unresolved.
    public var impactDuration: TimeInterval? {
        impactEnd.map { Self.interval(from: impactStart, to: $0) }
    }

    /// Time to detect: from the impact's start to the incident's creation (how long the problem went before
    /// Klaxon knew of it); nil for incidents without alerts, whose impact starts at their creation.
    public var timeToDetect: TimeInterval? {
        guard firstAlert != nil else { return nil }
        return Self.interval(from: impactStart, to: incident.createdAt)
    }

    /// Time to acknowledge: from the impact's start to the first acknowledgement; nil if never acknowledged.
    public var timeToAcknowledge: TimeInterval? {
        incident.acknowledgedAt.map { Self.interval(from: impactStart, to: $0) }
    }

    /// The most severe severity the incident had (an edit may have lowered it since).
    public var highestSeverity: Severity {
        incident.highestSeverity(formerSeverities: timeline.lazy.compactMap(\.event.severityChangedFrom))
    }

    /// Required sections still unwritten (empty for incidents that were never sev1 or sev2).
    public var missingForClose: [PostmortemSectionName] {
        incident.missingPostmortemSections(
            written: Set(sections.keys), formerSeverities: timeline.lazy.compactMap(\.event.severityChangedFrom))
    }

    /// Seconds from `start` to `end` at the store's millisecond precision (exact, never negative).
    static func interval(from start: Date, to end: Date) -> TimeInterval {
        Double(max(0, Timestamp.milliseconds(end) - Timestamp.milliseconds(start))) / 1000
    }

    static func milestone(of event: TimelineEvent) -> String? {
        switch event.kind {
        case .created: return "triggered"
        case .acknowledged: return "acknowledged"
        case .escalated:
            guard let level = event.data["escalation_level"]?.intValue else { return "escalated" }
            return "escalated to level \(level)"
        case .mitigated: return "mitigated"
        case .resolved: return "resolved"
        case .reopened: return "reopened"
        case .closed: return "closed"
        default: return nil
        }
    }
}
