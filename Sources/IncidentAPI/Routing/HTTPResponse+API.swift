import HTTPCore

extension HTTPResponse {
    /// A JSON answer built with `JSONWriter`.
    static func json(
        _ status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), capacity: Int = 512,
        _ write: (inout JSONWriter) -> Void
    ) -> HTTPResponse {
        var writer = JSONWriter(capacity: capacity)
        write(&writer)
        var headers = headers
        headers.add(name: "Content-Type", value: "application/json")
        return HTTPResponse(status: status, headers: headers, body: .bytes(writer.bytes))
    }

    /// An RFC 9457 problem answer, with `Retry-After` when the problem says when to retry.
    static func problem(_ problem: ProblemDetails) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/problem+json")
        if let seconds = problem.retryAfterSeconds {
            headers.add(name: "Retry-After", value: String(seconds))
        }
        if problem.status == 401 {
            headers.add(name: "WWW-Authenticate", value: #"Bearer realm="klaxon""#)
        }
        return HTTPResponse(
            status: HTTPStatus(code: problem.status), headers: headers, body: .bytes(problem.jsonBytes()))
    }
}
