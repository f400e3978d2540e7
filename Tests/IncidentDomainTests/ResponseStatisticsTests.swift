import Foundation
import Testing

@testable import IncidentDomain

/// Response statistics and the toil report's rules with hand-computed expectations.
@Suite struct ResponseStatisticsTests {
    /// Three incidents: two of payments in the week of t0 (Friday 2026-11-27), one of search a week later.
    let records = [
        // An alert started 2 minutes before the incident was created: its clock starts there.
        IncidentResponseRecord(
            id: 1, status: .resolved, severity: .sev1, service: "payments", createdAt: t0,
            firstAlertAt: at(minutes: -2), acknowledgedAt: at(minutes: 3), mitigatedAt: at(minutes: 10),
            resolvedAt: at(minutes: 20), escalations: 2),
        IncidentResponseRecord(
            id: 2, status: .closed, severity: .sev2, service: "payments", createdAt: at(minutes: 60),
            acknowledgedAt: at(minutes: 61), resolvedAt: at(minutes: 90)),
        IncidentResponseRecord(
            id: 3, status: .acknowledged, severity: .sev2, service: "search", createdAt: at(minutes: 7 * 1440),
            acknowledgedAt: at(minutes: 7 * 1440 + 10), escalations: 1),
    ]

    @Test func countsByStatusAndSeverityIncludeZeros() {
        let statistics = ResponseStatistics(records)
        #expect(statistics.incidentCount == 3)
        #expect(statistics.byStatus == [.triggered: 0, .acknowledged: 1, .mitigated: 0, .resolved: 1, .closed: 1])
        #expect(statistics.bySeverity == [.sev1: 1, .sev2: 2, .sev3: 0, .sev4: 0, .sev5: 0])
    }

    @Test func responseTimesRunFromTheFirstAlertOrTheCreation() {
        let statistics = ResponseStatistics(records)
        // Acknowledge: 5 min (from the alert), 1 min, 10 min → mean 320 s, median 300 s.
        #expect(statistics.timeToAcknowledge == summary(count: 3, mean: 320, median: 300))
        // Mitigate: only #1, 12 min.
        #expect(statistics.timeToMitigate == summary(count: 1, mean: 720, median: 720))
        // Resolve: 22 min and 30 min → mean and median 1560 s.
        #expect(statistics.timeToResolve == summary(count: 2, mean: 1560, median: 1560))
        #expect(statistics.escalations == 3)
        #expect(statistics.escalationsPerIncident == 1)
    }

    @Test func incidentsPerServicePerISOWeek() {
        let monday = Date(timeIntervalSince1970: 1_795_392_000)  // 2026-11-23T00:00:00Z
        #expect(ResponseStatistics.weekStart(of: t0) == monday)
        #expect(ResponseStatistics.weekStart(of: monday) == monday)
        #expect(
            ResponseStatistics.weekStart(of: monday.addingTimeInterval(-1)) == monday.addingTimeInterval(-7 * 86_400))
        #expect(
            ResponseStatistics(records).perServicePerWeek == [
                ServiceWeekCount(service: "payments", weekStart: monday, incidents: 2),
                ServiceWeekCount(service: "search", weekStart: monday.addingTimeInterval(7 * 86_400), incidents: 1),
            ])
    }

    @Test func noIncidentsGiveNoAverages() {
        let statistics = ResponseStatistics([])
        #expect(statistics.timeToAcknowledge == summary(count: 0, mean: nil, median: nil))
        #expect(statistics.escalationsPerIncident == nil)
        #expect(statistics.perServicePerWeek.isEmpty)
    }

    @Test func workingHoursAreReadInThePersonsZone() {
        let berlin = ToilHistory.Person(timeZone: "Europe/Berlin", workingHours: .standard)
        // t0 is Friday 08:30 UTC = 09:30 in Berlin (CET): working time; 17:30 UTC = 18:30 there: not.
        #expect(ToilReport.isWorkingTime(t0, of: berlin))
        #expect(!ToilReport.isWorkingTime(at(minutes: 9 * 60), of: berlin))
        // Saturday 09:30 in Berlin.
        #expect(!ToilReport.isWorkingTime(at(minutes: 1440), of: berlin))
        let night = ToilHistory.Person(
            timeZone: "UTC",
            workingHours: WorkingHours(
                start: LocalTime(hour: 22, minute: 0), end: LocalTime(hour: 6, minute: 0), days: [5]))
        #expect(ToilReport.isWorkingTime(at(minutes: 14 * 60), of: night))  // Friday 22:30
        #expect(ToilReport.isWorkingTime(at(minutes: 20 * 60), of: night))  // Saturday 04:30, the Friday shift
        #expect(!ToilReport.isWorkingTime(at(minutes: 60), of: night))  // Friday 09:30
    }

    func summary(count: Int, mean: Double?, median: Double?) -> DurationSummary {
        var summary = DurationSummary([])
        summary.count = count
        summary.meanSeconds = mean
        summary.medianSeconds = median
        return summary
    }
}
