import Foundation

/// Reads for the numbers teams read: response metrics, error budgets and the toil report. Every method is
/// one read transaction.
public protocol ReportRepository: Sendable {
    /// The incidents created in `[since, until)`, of `service` when given (`IncidentError` 422 on `service`
    /// when it names none), of `severities` when not empty.
    func responseRecords(
        since: Date, until: Date, service: ServiceReference?, severities: [Severity]
    ) async throws -> [IncidentResponseRecord]

    /// The service (`notFound` when there is none) and the impacts of its incidents that were still going at
    /// or after `from` (see `IncidentImpact`), for its error budget at `now`.
    func serviceImpacts(
        _ service: ServiceReference, from: Date, now: Date
    ) async throws -> (service: Service, impacts: [IncidentImpact])

    /// Error-budget minutes one incident spent over its whole impact, at its service's severity weights (the
    /// defaults without an SLO), leaving out the time a heavier incident of the same service held
    /// (`ErrorBudget.minutesSpent(by:among:weights:now:)`); `notFound` when there is no such incident.
    /// What a postmortem's impact section shows.
    func budgetMinutes(of incident: IncidentID, now: Date) async throws -> Double

    /// The alerts, incidents and pages of the incidents created since `since` (of `service` when given:
    /// `IncidentError` 422 on `service` when there is none), with the paged users.
    func toilHistory(since: Date, service: ServiceReference?) async throws -> ToilHistory
}
