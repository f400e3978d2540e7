/// How senders' severities map onto Klaxon's sev1...sev5.
///
/// | sev | Alertmanager / Grafana `severity` or `priority` label (case ignored) | PagerDuty | Opsgenie |
/// |---|---|---|---|
/// | sev1 | critical, crit, fatal, emergency, disaster, page, p1, sev1 | critical | P1 |
/// | sev2 | high, error, err, major, p2, sev2 | error | P2 |
/// | sev3 | warning, warn, medium, average, p3, sev3; **no label or an unknown value** | warning | P3 (default) |
/// | sev4 | info, informational, notice, low, minor, p4, sev4 | info | P4 |
/// | sev5 | none, debug, p5, sev5 | – | P5 |
///
/// An unknown label value is not an error (the label is the team's own vocabulary): it counts as the
/// default, sev3, and stays visible in the labels. `none` is Prometheus's convention for alerts that
/// should never page (the Watchdog), hence sev5.
extension Severity {
    /// The severity a label value names, or nil when the table above does not know it.
    public init?(alertLabel value: String) {
        switch AlertText.trimmed(value).lowercased() {
        case "critical", "crit", "fatal", "emergency", "disaster", "page", "p1", "sev1": self = .sev1
        case "high", "error", "err", "major", "p2", "sev2": self = .sev2
        case "warning", "warn", "medium", "average", "p3", "sev3": self = .sev3
        case "info", "informational", "notice", "low", "minor", "p4", "sev4": self = .sev4
        case "none", "debug", "p5", "sev5": self = .sev5
        default: return nil
        }
    }

    /// The severity of an Alertmanager or Grafana alert: its `severity` label, else its `priority` label,
    /// else (absent or unknown) `Severity.default`.
    public init(alertLabels labels: [String: String]) {
        if let value = labels["severity"], let severity = Severity(alertLabel: value) {
            self = severity
        } else if let value = labels["priority"], let severity = Severity(alertLabel: value) {
            self = severity
        } else {
            self = .default
        }
    }

    /// The warning for an alert whose `severity` (else `priority`) label is there but names no severity of the
    /// table above, so the alert counts as `Severity.default`; nil when a label maps or there is none. It names
    /// no alert, so a group of 1,000 alerts with the team's own word answers one warning, not 1,000.
    public static func unmappedLabelWarning(_ labels: [String: String]) -> String? {
        let given = ["severity", "priority"].compactMap { name in labels[name].map { (name: name, value: $0) } }
        guard let first = given.first, !given.contains(where: { Severity(alertLabel: $0.value) != nil }) else {
            return nil
        }
        return "\(first.name) label \"\(first.value)\" is not a severity Klaxon knows (critical, high, warning, info, "
            + "none, p1-p5, sev1-sev5 and their synonyms); the alert counts as \(Severity.default)"
    }

    /// PagerDuty's `payload.severity`, exactly as PagerDuty accepts it (lowercase); nil otherwise.
    public init?(pagerDuty value: String) {
        switch value {
        case "critical": self = .sev1
        case "error": self = .sev2
        case "warning": self = .sev3
        case "info": self = .sev4
        default: return nil
        }
    }

    /// Opsgenie's `priority`, `P1`...`P5` exactly; nil otherwise.
    public init?(opsgeniePriority value: String) {
        switch value {
        case "P1": self = .sev1
        case "P2": self = .sev2
        case "P3": self = .sev3
        case "P4": self = .sev4
        case "P5": self = .sev5
        default: return nil
        }
    }

    /// The generic receiver's `severity`: critical, error, warning, info (PagerDuty's words) or sev1...sev5,
    /// case ignored; nil otherwise.
    public init?(genericAlert value: String) {
        if let severity = Severity(parsing: value) {
            self = severity
        } else if let severity = Severity(pagerDuty: value.lowercased()) {
            self = severity
        } else {
            return nil
        }
    }
}
