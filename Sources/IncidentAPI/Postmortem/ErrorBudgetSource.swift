import IncidentDomain

/// Where a postmortem learns how many minutes of its service's error budget an incident spent. The SLO code
/// answers it; until a service declares an SLO (or the SLO code is wired in), the answer is nil and the
/// postmortem says "no SLO declared for this service".
public protocol ErrorBudgetSource: Sendable {
    /// Error-budget minutes `incident` spent on its service's SLO, or nil when the service declares none.
    func minutesSpent(by incident: Incident) async throws -> Double?
}

/// The source while no SLO is declared anywhere: every answer is nil.
public struct NoDeclaredSLOs: ErrorBudgetSource {
    public init() {}

    public func minutesSpent(by incident: Incident) async throws -> Double? { nil }
}
