import Foundation
import IncidentDomain

extension JSONWriter {
    /// `{"id": 3, "name": "payments"}`.
    mutating func serviceRef(_ service: ServiceRef) {
        beginObject()
        key("id")
        int(service.id.rawValue)
        key("name")
        string(service.name)
        endObject()
    }

    /// A service's SLO with every severity weight, or null.
    mutating func objective(_ objective: ServiceLevelObjective?) {
        guard let objective else { return null() }
        beginObject()
        key("target")
        double(objective.target)
        key("window_days")
        int(objective.windowDays)
        key("severity_weights")
        beginObject()
        for severity in Severity.allCases {
            key(severity.rawValue)
            double(objective.severityWeights[severity])
        }
        endObject()
        endObject()
    }

    /// Minutes and rates rounded to a thousandth, so 40.32 reads 40.32 and not 40.319999999999.
    mutating func rounded(_ value: Double) {
        double((value * 1000).rounded() / 1000)
    }

    /// The members of `GET /api/v1/services/{id}/slo` after `service` and `slo`.
    mutating func errorBudgetMembers(_ budget: ErrorBudgetReport) {
        key("window_start")
        timestamp(budget.windowStart)
        key("as_of")
        timestamp(budget.now)
        key("budget_minutes")
        rounded(budget.budgetMinutes)
        key("spent_minutes")
        rounded(budget.spentMinutes)
        key("remaining_minutes")
        rounded(budget.remainingMinutes)
        key("exhausted")
        bool(budget.isExhausted)
        key("burn_rate")
        beginObject()
        for rate in budget.burnRates {
            key(rate.span)
            rounded(rate.rate)
        }
        endObject()
        key("incidents")
        beginArray()
        for spend in budget.incidents {
            beginObject()
            key("id")
            int(spend.incident.rawValue)
            key("title")
            string(spend.title)
            key("severity")
            string(spend.severity.rawValue)
            key("minutes")
            rounded(spend.minutes)
            endObject()
        }
        endArray()
    }

    private mutating func durationSummary(_ summary: DurationSummary) {
        beginObject()
        key("count")
        int(summary.count)
        key("mean_seconds")
        if let mean = summary.meanSeconds { rounded(mean) } else { null() }
        key("median_seconds")
        if let median = summary.medianSeconds { rounded(median) } else { null() }
        endObject()
    }

    /// `GET /api/v1/stats`.
    mutating func statistics(_ statistics: ResponseStatistics, since: Date, until: Date) {
        beginObject()
        key("since")
        timestamp(since)
        key("until")
        timestamp(until)
        key("incidents")
        int(statistics.incidentCount)
        key("by_status")
        beginObject()
        for status in IncidentStatus.allCases {
            key(status.rawValue)
            int(statistics.byStatus[status] ?? 0)
        }
        endObject()
        key("by_severity")
        beginObject()
        for severity in Severity.allCases {
            key(severity.rawValue)
            int(statistics.bySeverity[severity] ?? 0)
        }
        endObject()
        key("time_to_acknowledge")
        durationSummary(statistics.timeToAcknowledge)
        key("time_to_mitigate")
        durationSummary(statistics.timeToMitigate)
        key("time_to_resolve")
        durationSummary(statistics.timeToResolve)
        key("escalations")
        int(statistics.escalations)
        key("escalations_per_incident")
        if let rate = statistics.escalationsPerIncident { rounded(rate) } else { null() }
        key("per_service_per_week")
        beginArray()
        for week in statistics.perServicePerWeek {
            beginObject()
            key("service")
            string(week.service)
            key("week_start")
            timestamp(week.weekStart)
            key("incidents")
            int(week.incidents)
            endObject()
        }
        endArray()
        endObject()
    }

    /// `GET /api/v1/reports/toil`.
    mutating func toil(_ report: ToilReport, since: Date) {
        beginObject()
        key("since")
        timestamp(since)
        key("items")
        beginArray()
        for entry in report.entries {
            beginObject()
            key("source")
            string(entry.source)
            key("alert_name")
            string(entry.name)
            key("pages")
            int(entry.pages)
            key("pages_outside_working_hours")
            int(entry.pagesOutsideWorkingHours)
            key("incidents")
            int(entry.incidents)
            key("acknowledged_share")
            rounded(entry.acknowledgedShare)
            key("resolved_unacknowledged_share")
            rounded(entry.resolvedUnacknowledgedShare)
            key("median_seconds_to_acknowledge")
            if let median = entry.medianSecondsToAcknowledge { rounded(median) } else { null() }
            key("top_dedup_keys")
            beginArray()
            for top in entry.topDedupKeys {
                beginObject()
                key("dedup_key")
                string(top.dedupKey)
                key("incidents")
                int(top.incidents)
                key("times_seen")
                int(top.timesSeen)
                endObject()
            }
            endArray()
            endObject()
        }
        endArray()
        endObject()
    }
}
