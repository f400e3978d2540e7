/// Parsing `GET /api/v1/incidents?...` from already percent-decoded query items, so the API layer
/// only splits the query string and calls `parse`.
///
/// | parameter | form | repeats |
/// |---|---|---|
/// | `status` | comma list of statuses or `open` (= triggered, acknowledged, mitigated), any case | union |
/// | `severity` | comma list of `sev1`...`sev5`, any case | union |
/// | `service` | id or name | once |
/// | `label` | `key:value` | all must match |
/// | `q` | 1...200 characters | once |
/// | `since`, `until` | RFC 3339 (`since` inclusive, `until` exclusive; since < until) | once |
/// | `limit` | 1...500, default 50 | once |
/// | `cursor` | `next_cursor` of the previous page | once |
///
/// Unknown parameters are errors too (a mistyped filter must not silently list everything).
/// Every problem is reported at once as `.validation` with the parameter as field.
extension IncidentListQuery {
    /// The query parameters `parse` knows.
    public static let parameterNames: Set<String> = [
        "status", "severity", "service", "label", "q", "since", "until", "limit", "cursor",
    ]

    /// Parses query items; see the table above.
    public static func parse(_ items: [(String, String)]) throws(IncidentError) -> IncidentListQuery {
        var validator = FieldValidator()
        var query = IncidentListQuery()
        var seen: Set<String> = []
        for (name, value) in items {
            let repeated = !seen.insert(name).inserted
            switch name {
            case "status":
                // Case is ignored, as for severities (`OPEN`, `Resolved`).
                for item in commaList(value, field: name, validator: &validator) {
                    if item.lowercased() == "open" {
                        query.statuses.formUnion(IncidentStatus.openStatuses)
                    } else if let status = IncidentStatus(rawValue: item.lowercased()) {
                        query.statuses.insert(status)
                    } else {
                        validator.fail(
                            name,
                            "unknown status '\(item)'; use open, triggered, acknowledged, mitigated, resolved, closed")
                    }
                }
            case "severity":
                for item in commaList(value, field: name, validator: &validator) {
                    if let severity = Severity(parsing: item) {
                        query.severities.insert(severity)
                    } else {
                        validator.fail(name, "unknown severity '\(item)'; use sev1, sev2, sev3, sev4, sev5")
                    }
                }
            case "label":
                if let filter = LabelFilter(parsing: value) {
                    query.labels.append(filter)
                } else {
                    validator.fail(name, "must be key:value with a valid label key (got '\(value.prefix(120))')")
                }
            case "service", "q", "since", "until", "limit", "cursor":
                if repeated {
                    validator.fail(name, "must be given at most once")
                    continue
                }
                parseSingle(name, value, into: &query, validator: &validator)
            default:
                validator.fail(name, "is not a known query parameter")
            }
        }
        if let since = query.since, let until = query.until, since >= until {
            validator.fail("until", "must be later than since")
        }
        try validator.finish()
        return query
    }

    private static func parseSingle(
        _ name: String, _ value: String, into query: inout IncidentListQuery, validator: inout FieldValidator
    ) {
        switch name {
        case "service":
            if let reference = ServiceReference(parsing: value) {
                query.service = reference
            } else {
                validator.fail(name, ServiceReference.expectation)
            }
        case "q":
            query.text = validator.presentLine(value, field: name, length: DomainLimits.queryTextLength)
        case "since", "until":
            if let date = Timestamp.parse(value) {
                if name == "since" { query.since = date } else { query.until = date }
            } else {
                validator.fail(name, Timestamp.queryProblem(value))
            }
        case "limit":
            if let limit = Int(value), DomainLimits.listLimit.contains(limit), value.first != "+" {
                query.limit = limit
            } else {
                validator.fail(
                    name,
                    "must be a whole number from \(DomainLimits.listLimit.lowerBound) to \(DomainLimits.listLimit.upperBound)"
                )
            }
        case "cursor":
            if let cursor = IncidentCursor(encoded: value) {
                query.cursor = cursor
            } else {
                validator.fail(name, "is not a cursor returned by this list; start again without it")
            }
        default:
            break
        }
    }

    /// Splits a comma list; empty items are an error.
    private static func commaList(_ value: String, field: String, validator: inout FieldValidator) -> [String] {
        let items = value.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmedWhitespace }
        if items.contains(where: \.isEmpty) {
            validator.fail(field, "must be a comma-separated list without empty items")
            return items.filter { !$0.isEmpty }
        }
        return items
    }
}
