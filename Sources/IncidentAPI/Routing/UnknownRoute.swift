import HTTPCore
import IncidentDomain

/// The 404 of a path under `/api/` or `/v2/` that no route matches, saying what the caller may have meant:
/// an incident's actions and resources for `/api/v1/incidents/{id}/<something else>` (`ack`, `Acknowledge`),
/// else where every route is listed. Paths elsewhere are the dashboard's (or a bare 404 without one).
enum UnknownRoute {
    static let incidentResources = [
        "alerts", "timeline", "notes", "postmortem", "action-items", "escalation", "outbox", "notifications",
    ]

    static func problem(for request: HTTPRequest) -> ProblemDetails? {
        let path = request.path
        guard path.hasPrefix("/api/") || path.hasPrefix("/v2/") else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var detail =
            "No route is \(request.method.rawValue) \(String(path.prefix(200))); every route is in /openapi.json."
        if segments.count == 5, segments.prefix(3).elementsEqual(["api", "v1", "incidents"]),
            let id = Int64(segments[segments.startIndex + 3]), id > 0
        {
            let word = String(segments[segments.startIndex + 4])
            let actions = IncidentAction.allCases.map(\.rawValue)
            let lowered = word.lowercased()
            if actions.contains(lowered) {
                detail = "Actions are lowercase: POST /api/v1/incidents/\(id)/\(lowered)."
            } else if let action = actions.first(where: { !lowered.isEmpty && $0.hasPrefix(lowered) }) {
                detail = "No action '\(word.prefix(40))'; did you mean POST /api/v1/incidents/\(id)/\(action)?"
            } else {
                detail =
                    "An incident has no '\(word.prefix(40))'. Actions (POST): \(actions.joined(separator: ", ")). "
                    + "Resources: \(incidentResources.joined(separator: ", "))."
            }
        }
        return ProblemDetails(kind: "not-found", title: "Not Found", status: 404, detail: detail)
    }
}
