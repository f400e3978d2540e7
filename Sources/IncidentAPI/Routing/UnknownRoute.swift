import HTTPCore
import IncidentDomain

/// The 404 of a path under `/api/` or `/v2/` that no route matches, saying what the caller may have meant:
/// an incident's actions and resources for `/api/v1/incidents/{id}/<something else>` (`ack`, `Acknowledge`),
/// the receiver a mistyped integration URL resembles (`/api/v1/integrations/alertmanger/…`), else where every
/// route is listed. Paths elsewhere are the dashboard's (or a bare 404 without one).
///
/// Answered from the request head alone (`Router.unmatchedAnswer`), so a large alert payload sent to a mistyped
/// URL gets this 404 rather than a 413. The path is echoed only up to its third segment: further down it may
/// hold an integration key or an action link's token.
enum UnknownRoute {
    static let incidentResources = [
        "alerts", "timeline", "notes", "postmortem", "action-items", "escalation", "outbox", "notifications",
    ]
    /// The receivers under `/api/v1/integrations/`.
    static let receivers = ["alertmanager", "grafana", "generic"]
    /// The receivers under `/v2/`, by path segment.
    static let v2Receivers = ["enqueue": "pagerduty", "alerts": "opsgenie"]

    static func problem(for head: HTTPRequestHead) -> ProblemDetails? {
        let path = head.rawPath
        guard path.hasPrefix("/api/") || path.hasPrefix("/v2/") else { return nil }
        let segments = Array(path.split(separator: "/", omittingEmptySubsequences: false).dropFirst())
        // Beyond the third segment, or a /v2/ path's second that is no receiver's, a path may hold a credential.
        var shown = AccessLogEntry.cut(path.prefix(200))
        if segments.first == "v2", segments.count >= 2, v2Receivers[String(segments[1])] == nil { shown = "/v2/…" }
        var detail = "No route is \(head.method.rawValue) \(shown); every route is in /openapi.json."
        if segments.count == 5, segments.prefix(3).elementsEqual(["api", "v1", "incidents"]),
            let id = Int64(segments[3]), id > 0
        {
            detail = incidentHint(id: id, word: String(segments[4]))
        } else if segments.count >= 4, segments.prefix(3).elementsEqual(["api", "v1", "integrations"]) {
            let name = String(segments[3])
            let rest = segments.count > 4 ? "/…" : ""
            if receivers.contains(name.lowercased()), name != name.lowercased() {
                detail = "Receiver names are lowercase: /api/v1/integrations/\(name.lowercased())\(rest)."
            } else if receivers.contains(name) {
                detail =
                    "The \(name) receiver takes POST at /api/v1/integrations/\(name) (with a bearer token) or "
                    + "/api/v1/integrations/\(name)/{integration_key}, nothing further down."
            } else if let meant = MemberNameSimilarity.intended(name, among: receivers) {
                detail = "No receiver '\(name.prefix(40))'; did you mean /api/v1/integrations/\(meant)\(rest)?"
            } else {
                // Not echoed: it may be an integration key sent without the receiver's name.
                detail =
                    "No receiver at /api/v1/integrations/…. Receivers: /api/v1/integrations/{"
                    + receivers.joined(separator: ", ")
                    + "}[/{integration_key}] (the key goes after the receiver's name), /v2/enqueue (PagerDuty), "
                    + "/v2/alerts (Opsgenie)."
            }
        }
        return ProblemDetails(kind: "not-found", title: "Not Found", status: 404, detail: detail)
    }

    private static func incidentHint(id: Int64, word: String) -> String {
        let actions = IncidentAction.allCases.map(\.rawValue)
        let lowered = word.lowercased()
        if actions.contains(lowered) {
            return "Actions are lowercase: POST /api/v1/incidents/\(id)/\(lowered)."
        }
        // A prefix (`ack`), one typo or the status word (`acknowledged`, `reopened`).
        if let action = actions.first(where: { !lowered.isEmpty && $0.hasPrefix(lowered) })
            ?? MemberNameSimilarity.intended(lowered, among: actions, aliases: ["reopened": "reopen"])
        {
            return "No action '\(word.prefix(40))'; did you mean POST /api/v1/incidents/\(id)/\(action)?"
        }
        if let resource = MemberNameSimilarity.intended(lowered, among: incidentResources) {
            return "An incident has no '\(word.prefix(40))'; did you mean /api/v1/incidents/\(id)/\(resource)?"
        }
        return "An incident has no '\(word.prefix(40))'. Actions (POST): \(actions.joined(separator: ", ")). "
            + "Resources: \(incidentResources.joined(separator: ", "))."
    }
}
