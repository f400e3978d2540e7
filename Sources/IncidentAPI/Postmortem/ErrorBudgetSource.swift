import Foundation
import IncidentDomain
import IncidentStore

/// Where a postmortem learns how many minutes of its service's error budget an incident spent.
public protocol ErrorBudgetSource: Sendable {
    /// Error-budget minutes `incident` spent on its service's SLO, or nil when the service declares none.
    func minutesSpent(by incident: Incident) async throws -> Double?
}

/// The SLO code's answer from the store: the service's SLO and severity weights, and the wall-time rule for
/// overlapping incidents (`ReportRepository.budgetMinutes`), as of `now()`.
public struct StoredErrorBudgets: ErrorBudgetSource {
    let services: SQLiteServiceRepository
    let reports: SQLiteReportRepository
    let now: @Sendable () -> Date

    public init(store: KlaxonStore, now: @escaping @Sendable () -> Date) {
        self.services = store.services
        self.reports = store.reports
        self.now = now
    }

    public func minutesSpent(by incident: Incident) async throws -> Double? {
        guard let service = incident.service,
            try await services.service(.id(service.id)).slo != nil
        else { return nil }
        return try await reports.budgetMinutes(of: incident.id, now: now())
    }
}
