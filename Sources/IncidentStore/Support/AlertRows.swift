import Foundation
import IncidentDomain
import SQLiteCore

/// How alerts map to rows of `alerts` (0002_alerts.sql): labels, annotations, links and details as JSON text,
/// times in unix milliseconds. One row per (incident, alert key); re-sends update it.
enum AlertRows {
    static let columns = """
        id, incident_id, source, dedup_key, alert_key, status, title, severity, labels, annotations, links, \
        details, starts_at, ends_at, first_seen_at, last_seen_at, resolved_at, times_seen
        """

    /// What an alert's row and its `alert_received` event store as JSON text, encoded before the write
    /// transaction: the writer is the one thread every ingestion request goes through, and in a storm of new
    /// alerts encoding was a fifth of its time (the request's own task has a core to spare for it).
    struct Encoded: Sendable {
        let labels: String
        let annotations: String
        let links: String
        let details: String
        /// The text of `alert.receivedEventData`, assembled from the texts above: the same bytes as
        /// `JSONText.encode(alert.receivedEventData)` (keys sorted), without encoding the labels twice.
        let receivedEventData: String

        init(_ alert: NormalizedAlert) {
            labels = JSONText.encode(alert.labels)
            annotations = JSONText.encode(alert.annotations)
            links = JSONText.encode(links: alert.links.map { ($0.href, $0.text) })
            details = JSONText.encode(alert.details)
            var data = JSONText.ObjectWriter()
            data.member("action", string: alert.action.rawValue)
            data.member("alert_key", string: alert.alertKey)
            if !alert.annotations.isEmpty { data.member("annotations", text: annotations) }
            data.member("dedup_key", string: alert.dedupKey)
            if !alert.details.isEmpty { data.member("details", text: details) }
            if let endsAt = alert.endsAt { data.member("ends_at", string: Timestamp.format(endsAt)) }
            if alert.describesAlert { data.member("labels", text: labels) }
            if !alert.links.isEmpty { data.member("links", text: links) }
            if alert.describesAlert { data.member("severity", string: alert.severity.rawValue) }
            data.member("source", string: alert.source.rawValue)
            if alert.describesAlert { data.member("starts_at", string: Timestamp.format(alert.startsAt)) }
            receivedEventData = data.finished()
        }
    }

    /// The severity stored for an incident's alert key, if it has a row.
    static func severity(of alertKey: String, on incident: IncidentID, in db: Connection) throws -> Severity? {
        try db.queryValue(
            "SELECT severity FROM alerts WHERE incident_id = ? AND alert_key = ?", [incident.rawValue, alertKey],
            as: String.self
        ).flatMap(Severity.init(rawValue:))
    }

    /// The alert keys firing on an incident (through `alerts_firing_by_incident`).
    static func firingKeys(of incident: IncidentID, in db: Connection) throws -> Set<String> {
        Set(
            try db.query(
                "SELECT alert_key FROM alerts WHERE incident_id = ? AND status = 'firing'", [incident.rawValue]
            ) { try $0.column(0, as: String.self) })
    }

    /// Records `alert` on `incident`: a new row, or the existing row of its alert key brought up to date.
    /// - A firing alert brings the row up to what the sender says about it now (title, severity, labels, ...).
    /// - A resolve only ends it (status, end, resolved at): what the alert was about stays as it fired, since
    ///   most resolves say nothing more (PagerDuty's and Opsgenie's carry no payload, a generic one often only
    ///   a summary), and their defaults would otherwise overwrite the title, severity, labels and start that
    ///   the postmortem and the response times are computed from.
    /// - An acknowledge leaves the status as it was and adds no row for an alert key the incident lacks.
    /// Each moves the last-seen time and the count.
    /// `knownNew`: the caller knows the incident has no row of this alert key yet (it opened the incident in
    /// this transaction), so the update of an existing row is not tried first.
    /// `encoded` is `Encoded(alert)`.
    static func record(
        _ alert: NormalizedAlert, encoded: Encoded, on incident: IncidentID, knownNew: Bool = false, at now: Date,
        in db: Connection
    ) throws {
        let nowMS = Timestamp.milliseconds(now)
        if alert.action == .acknowledge {
            try db.execute(
                "UPDATE alerts SET last_seen_at = ?, times_seen = times_seen + 1 WHERE incident_id = ? AND alert_key = ?",
                [nowMS, incident.rawValue, alert.alertKey])
            return
        }
        let endsAt = alert.endsAt.map(Timestamp.milliseconds)
        if alert.action == .resolve && !knownNew {
            try db.execute(
                """
                UPDATE alerts SET
                    status = 'resolved', ends_at = coalesce(?, ends_at), last_seen_at = ?,
                    resolved_at = CASE WHEN status = 'resolved' THEN resolved_at ELSE ? END,
                    times_seen = times_seen + 1
                WHERE incident_id = ? AND alert_key = ?
                """,
                [endsAt, nowMS, nowMS, incident.rawValue, alert.alertKey])
            if db.changedRowCount == 1 { return }
        }
        let status: AlertStatus = alert.action == .resolve ? .resolved : .firing
        let (labels, annotations, links, details) = (
            encoded.labels, encoded.annotations, encoded.links, encoded.details
        )
        let startsAt = Timestamp.milliseconds(alert.startsAt)
        // A sender that gives no start (generic, Opsgenie-style, PagerDuty without timestamp): the problem
        // started when the alert first fired, not at each re-send; only firing again after a resolve starts anew.
        let keepsStoredStart = alert.startsAtIsReceipt
        if status == .firing && !knownNew {
            // A re-send saying nothing new (Alertmanager re-sends every group each group_interval) only moves
            // the last-seen time and the count: the row's other columns, its indexes and its CHECKs stay as they
            // are, which the upsert below would all rewrite and re-check. Same result as the upsert's.
            try db.execute(
                """
                UPDATE alerts SET last_seen_at = ?, times_seen = times_seen + 1
                WHERE incident_id = ? AND alert_key = ? AND status = 'firing' AND title = ? AND severity = ?
                    AND labels = ? AND annotations = ? AND links = ? AND details = ? AND (starts_at = ? OR ?)
                    AND ends_at IS ?
                """,
                [
                    nowMS, incident.rawValue, alert.alertKey, alert.alertTitle, alert.severity.rawValue, labels,
                    annotations, links, details, startsAt, keepsStoredStart, endsAt,
                ])
            if db.changedRowCount == 1 { return }
        }
        // A new row (a resolve of an alert key never seen firing keeps what the resolve says), or a firing
        // alert's row brought up to date.
        try db.execute(
            """
            INSERT INTO alerts (incident_id, source, dedup_key, alert_key, status, title, severity, labels, annotations,
                links, details, starts_at, ends_at, first_seen_at, last_seen_at, resolved_at, times_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (incident_id, alert_key) DO UPDATE SET
                status = excluded.status, title = excluded.title, severity = excluded.severity,
                labels = excluded.labels, annotations = excluded.annotations, links = excluded.links,
                details = excluded.details, ends_at = excluded.ends_at,
                starts_at = CASE WHEN ? AND alerts.status = 'firing' THEN alerts.starts_at ELSE excluded.starts_at END,
                last_seen_at = excluded.last_seen_at, resolved_at = excluded.resolved_at,
                times_seen = alerts.times_seen + 1
            """,
            [
                incident.rawValue, alert.source.rawValue, alert.dedupKey, alert.alertKey, status.rawValue,
                alert.alertTitle, alert.severity.rawValue, labels, annotations, links, details, startsAt, endsAt,
                nowMS, nowMS, status == .resolved ? nowMS : nil, keepsStoredStart,
            ])
    }

    /// Every alert of the incident, oldest first.
    static func all(of incident: IncidentID, in db: Connection) throws -> [StoredAlert] {
        try db.query("SELECT \(columns) FROM alerts WHERE incident_id = ? ORDER BY id", [incident.rawValue], row: read)
    }

    static func read(_ row: Statement) throws -> StoredAlert {
        let status = try AlertStatus(stored: row.column(5, as: String.self), column: "alerts.status")
        let severity = try Severity(stored: row.column(7, as: String.self), column: "alerts.severity")
        let linksText = try row.column(10, as: String.self)
        let links = linksText == "[]" ? [] : try JSONDecoder().decode([AlertLink].self, from: Data(linksText.utf8))
        return StoredAlert(
            id: try row.column(0, as: Int64.self),
            incidentID: IncidentID(try row.column(1, as: Int64.self)),
            source: AlertSource(rawValue: try row.column(2, as: String.self)),
            dedupKey: try row.column(3, as: String.self),
            alertKey: try row.column(4, as: String.self),
            status: status,
            title: try row.column(6, as: String.self),
            severity: severity,
            labels: try JSONText.decodeLabels(try row.column(8, as: String.self)),
            annotations: try JSONText.decodeLabels(try row.column(9, as: String.self)),
            links: links,
            details: try JSONText.decodeObject(try row.column(11, as: String.self)),
            startsAt: date(try row.column(12, as: Int64.self)),
            endsAt: try row.column(13, as: Int64?.self).map(date),
            firstSeenAt: date(try row.column(14, as: Int64.self)),
            lastSeenAt: date(try row.column(15, as: Int64.self)),
            resolvedAt: try row.column(16, as: Int64?.self).map(date),
            timesSeen: try row.column(17, as: Int.self))
    }

    static func date(_ milliseconds: Int64) -> Date { Timestamp.date(milliseconds: milliseconds) }
}
