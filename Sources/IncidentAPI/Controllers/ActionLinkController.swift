import Foundation
import HTTPCore
import IncidentDomain
import Logging

/// One-click links in pages: `GET /api/v1/actions/{token}` answers a confirmation page whose form POSTs to
/// the same URL (so link previews and mail scanners that fetch links act on nothing), and `POST` acknowledges
/// or resolves the incident as the paged user. The signed token is the credential; no API token is read.
struct ActionLinkController: Sendable {
    let incidents: any IncidentRepository
    let signer: ActionLinkSigner
    let clock: any WallClock
    let logger: Logger

    func register(in router: inout APIRouter) {
        router.addPublic(.get, "/api/v1/actions/:token") { try await confirm($0) }
        router.addPublic(.post, "/api/v1/actions/:token") { try await act($0) }
    }

    func confirm(_ request: HTTPRequest) async throws -> HTTPResponse {
        let link: ActionLink
        switch verify(request) {
        case .success(let verified): link = verified
        case .failure(let failure): return Self.answer(failure.problem, to: request)
        }
        let incident: Incident
        do {
            incident = try await incidents.incident(link.incident)
        } catch {
            return Self.answer(.from(error, logger: logger, requestID: request.requestID), to: request)
        }
        let verb = link.action == .acknowledge ? "Acknowledge" : "Resolve"
        let headline = "<p><strong>#\(incident.id.rawValue) \(Self.escaped(incident.title))</strong></p>"
        // A second click, or a teammate's: say what happened instead of offering a button that can only fail.
        guard incident.allowedActions.contains(link.action.incidentAction) else {
            return Self.page(
                title: "Incident #\(incident.id.rawValue) is \(incident.status.rawValue)",
                body: headline + "<p>\(Self.escaped(await nothingToDo(incident)))</p>")
        }
        let who = link.user.map { " as @\($0)" } ?? ""
        return Self.page(
            title: "\(verb) incident #\(incident.id.rawValue)",
            body: """
                \(headline)
                <p>Severity \(incident.severity.rawValue), status \(incident.status.rawValue).</p>
                <form method="post"><button type="submit">\(verb)\(Self.escaped(who))</button></form>
                """)
    }

    func act(_ request: HTTPRequest) async throws -> HTTPResponse {
        let link: ActionLink
        switch verify(request) {
        case .success(let verified): link = verified
        case .failure(let failure): return Self.answer(failure.problem, to: request)
        }
        do {
            let update = try await incidents.perform(
                link.action.incidentAction, on: link.incident, by: link.actor, at: clock.now())
            let incident = update.incident
            return Self.page(
                title: "Incident #\(incident.id.rawValue) \(incident.status.rawValue)",
                body:
                    "<p><strong>#\(incident.id.rawValue) \(Self.escaped(incident.title))</strong> is now \(incident.status.rawValue).</p>"
            )
        } catch IncidentError.invalidTransition(let from, let action, let allowed) {
            let problem = ProblemDetails.from(
                IncidentError.invalidTransition(from: from, action: action, allowed: allowed), logger: logger)
            guard Self.wantsHTML(request), let incident = try? await incidents.incident(link.incident) else {
                return .problem(problem)
            }
            return Self.page(
                title: "Incident #\(incident.id.rawValue) is \(incident.status.rawValue)",
                body: "<p><strong>#\(incident.id.rawValue) \(Self.escaped(incident.title))</strong></p>"
                    + "<p>\(Self.escaped(await nothingToDo(incident)))</p>",
                status: .conflict)
        } catch {
            return Self.answer(.from(error, logger: logger, requestID: request.requestID), to: request)
        }
    }

    /// Why a link's action has nothing left to do: the incident's status, since when and by whom, from the
    /// latest such event on its timeline (an incident reopened and acknowledged again keeps its first
    /// `acknowledged_at`, which would name a time before this page was even sent).
    func nothingToDo(_ incident: Incident) async -> String {
        let kind: TimelineEventKind? =
            switch incident.status {
            case .acknowledged: .acknowledged
            case .mitigated: .mitigated
            case .resolved: .resolved
            case .closed: .closed
            case .triggered: nil
            }
        var latest: TimelineEvent?
        if let kind { latest = try? await incidents.latestEvent(of: incident.id, kind: kind) }
        guard let latest else { return "Nothing to do: it is \(incident.status.rawValue)." }
        let actor = latest.actor.kind == Principal.Kind.user ? "@\(latest.actor.name)" : latest.actor.name
        return "Nothing to do: it is \(incident.status.rawValue) since \(Timestamp.format(latest.at)), by \(actor)."
    }

    /// A browser (the link opened from a page) gets an HTML page; curl and scripts get problem+json.
    static func wantsHTML(_ request: HTTPRequest) -> Bool {
        request.headers["accept"]?.lowercased().contains("text/html") ?? false
    }

    /// `problem` as the client reads it best.
    static func answer(_ problem: ProblemDetails, to request: HTTPRequest) -> HTTPResponse {
        guard wantsHTML(request) else { return .problem(problem) }
        var response = page(
            title: problem.title, body: "<p>\(escaped(problem.detail))</p>",
            status: HTTPStatus(code: problem.status))
        if let retryAfter = problem.retryAfterSeconds {
            response.headers.add(name: "Retry-After", value: String(retryAfter))
        }
        return response
    }

    func verify(_ request: HTTPRequest) -> Result<ActionLink, LinkProblem> {
        switch signer.verify(request.pathParameters["token"] ?? "", now: clock.now()) {
        case .success(let link):
            return .success(link)
        case .failure(.malformed):
            return .failure(
                LinkProblem(
                    problem: ProblemDetails(
                        kind: "invalid-action-link", title: "Invalid Action Link", status: 404,
                        detail: "This is not a Klaxon action link; copy the whole link from the page.")))
        case .failure(.forged):
            return .failure(
                LinkProblem(
                    problem: ProblemDetails(
                        kind: "invalid-action-link", title: "Invalid Action Link", status: 403,
                        detail: "This link's signature does not match: it was changed or not made by this Klaxon.")))
        case .failure(.expired(let at)):
            return .failure(
                LinkProblem(
                    problem: ProblemDetails(
                        kind: "action-link-expired", title: "Action Link Expired", status: 410,
                        detail: "This link expired at \(Timestamp.format(at)); act in Klaxon itself.")))
        }
    }

    /// A link that failed to check, as the problem answer.
    struct LinkProblem: Error {
        var problem: ProblemDetails
    }

    /// A small HTML page without scripts.
    static func page(title: String, body: String, status: HTTPStatus = .ok) -> HTTPResponse {
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>\(escaped(title)) · Klaxon</title></head>
            <body><h1>\(escaped(title))</h1>
            \(body)
            </body></html>

            """
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "Content-Security-Policy", value: "default-src 'none'; form-action 'self'")
        headers.add(name: "Referrer-Policy", value: "no-referrer")
        return HTTPResponse(status: status, headers: headers, body: .bytes(Array(html.utf8)))
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
