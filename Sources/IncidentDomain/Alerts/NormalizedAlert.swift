import Foundation

/// One alert event in Klaxon's own terms, whatever sender it came from: what every receiver's
/// `normalized(...)` produces and what `AlertGrouping.decide` consumes.
///
/// Two keys, because group senders gather several alerts into one incident:
/// - `dedupKey` names the *incident* (Alertmanager and Grafana: the group's `groupKey`; PagerDuty:
///   `dedup_key`; Opsgenie: `alias`; generic: `dedup_key`). It always satisfies `DomainLimits.dedupKeyLength`
///   (longer sender keys are hashed by `AlertKey.dedupKey(fromSenderKey:)`).
/// - `alertKey` names the *alert* inside it (Alertmanager and Grafana: `fingerprint`, or the
///   Prometheus-compatible fingerprint of its labels; the single-alert senders: the same as `dedupKey`).
///   The incident resolves when no alert key of it is firing any more.
///
/// Made only by the receivers' normalisation, so its texts are already within the domain's limits.
public struct NormalizedAlert: Hashable, Sendable {
    public internal(set) var source: AlertSource
    public internal(set) var action: AlertAction
    /// The incident this alert belongs to (per service).
    public internal(set) var dedupKey: String
    /// This alert within the incident.
    public internal(set) var alertKey: String
    /// The headline of an incident this alert opens: one line, 1...200 characters (for groups: the group's).
    public internal(set) var title: String
    /// This alert's own headline (its `summary` annotation or `alertname`), one line, 1...200 characters.
    public internal(set) var alertTitle: String
    /// Longer text for a new incident, at most 10,000 characters, possibly empty.
    public internal(set) var summary: String
    public internal(set) var severity: Severity
    /// The alert's own labels, as the sender gave them (not yet fitted to the domain's label limits).
    public internal(set) var labels: [String: String]
    /// The labels a new incident gets: a group's common labels, else the alert's own (fitted by `draft`).
    public internal(set) var incidentLabels: [String: String]
    /// Annotations (Alertmanager, Grafana); empty for the other senders.
    public internal(set) var annotations: [String: String]
    /// The service the alert names (its `service` label or field), used when the request is not already
    /// routed by an integration key; nil when it names none.
    public internal(set) var serviceHint: String?
    /// When the problem started according to the sender (`startsAt`, `timestamp`), else when it arrived.
    public internal(set) var startsAt: Date
    /// The sender gave no start, so `startsAt` is this alert's arrival: a re-send of a firing alert keeps the
    /// start it already has instead of moving it to each re-send.
    public internal(set) var startsAtIsReceipt: Bool
    /// When the problem ended according to the sender; only for resolved alerts that say so.
    public internal(set) var endsAt: Date?
    public internal(set) var links: [AlertLink]
    /// The sender's own fields that have no field here (Alertmanager `receiver`, `groupKey`, `fingerprint`,
    /// `generatorURL`; Grafana `values`; PagerDuty `custom_details`, `client`; Opsgenie `tags`, `responders`,
    /// ...), for the timeline and the alerts table. Never holds credentials (routing keys are left out).
    public internal(set) var details: [String: JSONValue]
    /// What the receiver should tell the sender it did with the payload besides the alert (members it does not
    /// know, kept in `details`), for the answer's `warnings`.
    public internal(set) var warnings: [String]
    /// Whether the sender described the alert. An acknowledge or resolve by key alone (PagerDuty's without a
    /// `payload`, Opsgenie-style close and acknowledge) says nothing of its severity, labels or start: those
    /// fields then hold defaults, which the alert's timeline event leaves out rather than present as facts.
    public internal(set) var describesAlert: Bool
    /// What tells this alert from the others of its group that carry the same title: the labels it does not
    /// share with the group (`instance=web-2`), at most three, each value cut to 60 characters on one line,
    /// leaving out `severity` and those whose value the title already names; nil when no other alert of its
    /// payload has its title. Set when the payload is normalized; the timeline's `alert_received` message ends
    /// with it.
    public internal(set) var distinguishingLabels: String?

    init(
        source: AlertSource, action: AlertAction, dedupKey: String, alertKey: String, title: String,
        alertTitle: String? = nil, summary: String, severity: Severity, labels: [String: String],
        incidentLabels: [String: String]? = nil, annotations: [String: String] = [:], serviceHint: String?,
        startsAt: Date, startsAtIsReceipt: Bool = false, endsAt: Date? = nil, links: [AlertLink] = [],
        details: [String: JSONValue] = [:], warnings: [String] = [], describesAlert: Bool = true
    ) {
        self.source = source
        self.action = action
        self.dedupKey = dedupKey
        self.alertKey = alertKey
        self.title = title
        self.alertTitle = alertTitle ?? title
        self.summary = summary
        self.severity = severity
        self.labels = labels
        self.incidentLabels = incidentLabels ?? labels
        self.annotations = annotations
        self.serviceHint = serviceHint
        self.startsAt = startsAt
        self.startsAtIsReceipt = startsAtIsReceipt
        self.endsAt = endsAt
        self.links = links
        self.details = details
        self.warnings = warnings
        self.describesAlert = describesAlert
    }
}
