import HTTPCore
import IncidentDomain
import Testing

@testable import IncidentAPI

/// An action link's answer to a browser is a page, and keeps what the problem tells a client to do.
@Suite struct ActionLinkAnswerTests {
    static func request(accept: String) -> HTTPRequest {
        let head = HTTPRequestHead(
            method: .post, target: "/api/v1/actions/t", version: .http1_1, headers: ["Host": "t", "Accept": accept],
            framing: .none, keepAlive: true, expectsContinue: false)
        return HTTPRequest(head: head, body: [])
    }

    @Test func aBusyDatabaseKeepsRetryAfterOnTheBrowsersPage() {
        var problem = ProblemDetails(
            kind: "storage-unavailable", title: "Service Unavailable", status: 503, detail: "The database is busy.")
        problem.retryAfterSeconds = 5
        let page = ActionLinkController.answer(problem, to: Self.request(accept: "text/html"))
        #expect(page.status.code == 503)
        #expect(page.headers["retry-after"] == "5")
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        let json = ActionLinkController.answer(problem, to: Self.request(accept: "application/json"))
        #expect(json.headers["retry-after"] == "5")
    }
}
