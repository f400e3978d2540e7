import Foundation
import HTTPCore
import IncidentDomain

/// The numbers teams read (issue 8): response statistics, a service's error budget and release gate, and
/// the toil report. Read scope throughout, so a deploy pipeline's read token can ask the release gate.
struct ReportController: Sendable {
    let reports: any ReportRepository

    /// The span `stats` covers when `since` is not given, and the toil report's.
    static let defaultSpan: TimeInterval = 30 * 86_400

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/stats", scope: .read) { try await stats($0) }
        router.add(.get, "/api/v1/reports/toil", scope: .read) { try await toil($0) }
        router.add(.get, "/api/v1/services/:id/slo", scope: .read) { try await slo($0) }
        router.add(.get, "/api/v1/services/:id/release-gate", scope: .read) { try await releaseGate($0) }
    }

    func stats(_ request: APIRequest) async throws -> HTTPResponse {
        let query = try Self.query(request, known: ["since", "until", "service", "severity"])
        let until = try Self.time(query, "until") ?? request.now
        let since = try Self.time(query, "since") ?? until.addingTimeInterval(-Self.defaultSpan)
        guard since < until else {
            throw APIError.invalidParameter(field: "until", message: "must be later than since")
        }
        let service = try Self.service(query)
        var severities: [Severity] = []
        if let text = query["severity"] {
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let severity = Severity(parsing: part) else {
                    throw APIError.invalidParameter(field: "severity", message: Severity.expectation)
                }
                severities.append(severity)
            }
        }
        let records = try await reports.responseRecords(
            since: since, until: until, service: service, severities: severities)
        let statistics = ResponseStatistics(records)
        return .json { $0.statistics(statistics, since: since, until: until) }
    }

    func toil(_ request: APIRequest) async throws -> HTTPResponse {
        let query = try Self.query(request, known: ["since", "service"])
        let since = try Self.time(query, "since") ?? request.now.addingTimeInterval(-Self.defaultSpan)
        let report = ToilReport(try await reports.toilHistory(since: since, service: try Self.service(query)))
        return .json { $0.toil(report, since: since) }
    }

    func slo(_ request: APIRequest) async throws -> HTTPResponse {
        let (service, budget) = try await errorBudget(request)
        return .json { writer in
            writer.beginObject()
            writer.key("service")
            writer.serviceRef(service.ref)
            writer.key("slo")
            writer.objective(service.slo)
            if let budget { writer.errorBudgetMembers(budget) }
            writer.endObject()
        }
    }

    func releaseGate(_ request: APIRequest) async throws -> HTTPResponse {
        let (service, budget) = try await errorBudget(request)
        let allowed = !(budget?.isExhausted ?? false)
        let reason: String
        if let budget {
            reason =
                allowed
                ? "error budget remains: \(Self.minutes(budget.remainingMinutes)) of \(Self.minutes(budget.budgetMinutes)) min"
                : "error budget spent: \(Self.minutes(budget.spentMinutes)) of \(Self.minutes(budget.budgetMinutes)) min"
        } else {
            reason = "service \(service.name) declares no SLO"
        }
        // Refused, the same members ride on a problem body (RFC 9457 extension members), as every 4xx here.
        var response = HTTPResponse.json(allowed ? .ok : .locked) { writer in
            writer.beginObject()
            if !allowed {
                writer.key("type")
                writer.string(Self.exhaustedProblemType)
                writer.key("title")
                writer.string("Error budget exhausted")
                writer.key("status")
                writer.int(423)
                writer.key("detail")
                writer.string(reason)
            }
            writer.key("release_allowed")
            writer.bool(allowed)
            writer.key("reason")
            writer.string(reason)
            writer.key("service")
            writer.serviceRef(service.ref)
            if let budget {
                writer.key("budget_minutes")
                writer.rounded(budget.budgetMinutes)
                writer.key("spent_minutes")
                writer.rounded(budget.spentMinutes)
                writer.key("remaining_minutes")
                writer.rounded(budget.remainingMinutes)
            }
            writer.endObject()
        }
        if !allowed {
            response.headers.replaceOrAdd(name: "Content-Type", value: "application/problem+json")
        }
        return response
    }

    static let exhaustedProblemType = ProblemDetails.typeBase + "error-budget-exhausted"

    /// The service and, when it declares an SLO, its error budget now.
    private func errorBudget(_ request: APIRequest) async throws -> (Service, ErrorBudgetReport?) {
        guard request.http.query.isEmpty else {
            throw APIError.invalidParameter(field: "query", message: "takes no query parameters")
        }
        let reference = try ServiceController.reference(request)
        // The widest span read: the window, or the week of the longest burn rate.
        let longest = max(
            Int64(ServiceLevelObjective.windowDaysRange.upperBound) * 86_400_000,
            ErrorBudget.burnRateSpans.map(\.milliseconds).max() ?? 0)
        let from = request.now.addingTimeInterval(-Double(longest) / 1000)
        let (service, impacts) = try await reports.serviceImpacts(reference, from: from, now: request.now)
        guard let objective = service.slo else { return (service, nil) }
        return (service, ErrorBudget.report(objective: objective, impacts: impacts, now: request.now))
    }

    private static func minutes(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// The `service` query parameter, by id or name; 400 when it is neither.
    private static func service(_ query: [String: String]) throws(APIError) -> ServiceReference? {
        guard let text = query["service"] else { return nil }
        guard let reference = ServiceReference(parsing: text) else {
            throw .invalidParameter(field: "service", message: "must be a service id or name")
        }
        return reference
    }

    /// The query's items by name; 400 for an unknown or repeated one.
    private static func query(_ request: APIRequest, known: Set<String>) throws(APIError) -> [String: String] {
        var items: [String: String] = [:]
        for item in request.http.query {
            guard known.contains(item.name) else {
                throw .invalidParameter(field: item.name, message: "is not a known query parameter")
            }
            guard items[item.name] == nil else {
                throw .invalidParameter(field: item.name, message: "may be given once")
            }
            items[item.name] = item.value
        }
        return items
    }

    private static func time(_ query: [String: String], _ name: String) throws(APIError) -> Date? {
        guard let text = query[name] else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw .invalidParameter(field: name, message: Timestamp.queryProblem(text))
        }
        return date
    }
}
