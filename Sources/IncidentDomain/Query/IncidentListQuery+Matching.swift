import Foundation

/// The reference semantics of the list, in plain Swift: every store implementation must return exactly
/// the incidents `matches` accepts, in `isListedBefore` order. Store tests compare their SQL against it.
extension IncidentListQuery {
    /// True when `incident` passes every filter and lies after the cursor.
    public func matches(_ incident: Incident) -> Bool {
        if !statuses.isEmpty && !statuses.contains(incident.status) { return false }
        if !severities.isEmpty && !severities.contains(incident.severity) { return false }
        if let service {
            guard let incidentService = incident.service, service.matches(incidentService) else { return false }
        }
        for label in labels where incident.labels[label.key] != label.value {
            return false
        }
        if let text {
            let needle = text.asciiLowercased
            if !incident.title.asciiLowercased.contains(needle) && !incident.summary.asciiLowercased.contains(needle) {
                return false
            }
        }
        let created = Timestamp.milliseconds(incident.createdAt)
        if let since, created < Timestamp.milliseconds(since) { return false }
        if let until, created >= Timestamp.milliseconds(until) { return false }
        if let cursor {
            let position = IncidentCursor(after: incident)
            guard IncidentListQuery.isListedBefore(cursor, position) else { return false }
        }
        return true
    }

    /// The list order, newest first: larger `created_at` first, then larger id.
    public static func isListedBefore(_ lhs: Incident, _ rhs: Incident) -> Bool {
        isListedBefore(IncidentCursor(after: lhs), IncidentCursor(after: rhs))
    }

    /// The list order on positions: `(created_at, id)` descending.
    public static func isListedBefore(_ lhs: IncidentCursor, _ rhs: IncidentCursor) -> Bool {
        if lhs.createdAtMilliseconds != rhs.createdAtMilliseconds {
            return lhs.createdAtMilliseconds > rhs.createdAtMilliseconds
        }
        return lhs.id > rhs.id
    }
}

extension String {
    /// Lowercases `A`-`Z` only, like SQLite's `LIKE` and `lower()` without ICU.
    var asciiLowercased: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.map { scalar in
                    ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
                }))
    }
}
