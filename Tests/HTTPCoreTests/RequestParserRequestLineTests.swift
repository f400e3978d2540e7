import Testing

@testable import HTTPCore

/// The request line: `method SP request-target SP HTTP-version CRLF` (RFC 9112 §3).
@Suite struct RequestParserRequestLineTests {
    @Test(arguments: FeedMode.allCases)
    func simpleGetIsParsed(mode: FeedMode) throws {
        let outcome = parse("GET /api/v1/incidents?status=open&x=%20 HTTP/1.1\r\nHost: klaxon.local\r\n\r\n", mode: mode)
        #expect(outcome.error == nil)
        let head = try #require(outcome.head)
        #expect(head.method == .get)
        #expect(head.target == "/api/v1/incidents?status=open&x=%20")
        #expect(head.rawPath == "/api/v1/incidents")
        #expect(head.version == .http1_1)
        #expect(head.headers == ["Host": "klaxon.local"])
        #expect(head.framing == .none)
        #expect(head.keepAlive)
        #expect(!head.expectsContinue)
        #expect(outcome.events.last == .end)
    }

    @Test(arguments: FeedMode.allCases)
    func unknownMethodsAreParsedAndCaseIsKept(mode: FeedMode) {
        let outcome = parse(
            "PURGE /a HTTP/1.1\r\nHost: a\r\n\r\nget /b HTTP/1.1\r\nHost: a\r\n\r\nM-SEARCH! /c HTTP/1.1\r\nHost: a\r\n\r\n",
            mode: mode
        )
        #expect(outcome.error == nil)
        // RFC 9112 §3.1: methods are case-sensitive; "get" is not GET.
        #expect(outcome.heads.map(\.method.rawValue) == ["PURGE", "get", "M-SEARCH!"])
        #expect(outcome.heads[1].method != .get)
    }

    @Test(arguments: FeedMode.allCases)
    func http10IsAcceptedWithoutHost(mode: FeedMode) throws {
        let head = try #require(parse("GET / HTTP/1.0\r\n\r\n", mode: mode).head)
        #expect(head.version == .http1_0)
        #expect(!head.keepAlive)
    }

    @Test(arguments: FeedMode.allCases)
    func asteriskFormIsAcceptedForOptions(mode: FeedMode) throws {
        let head = try #require(parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", mode: mode).head)
        #expect(head.method == .options)
        #expect(head.target == "*")
    }

    @Test(arguments: FeedMode.allCases, [
        "GET * HTTP/1.1",  // asterisk-form only with OPTIONS (§3.2.4)
        "OPTIONS *x HTTP/1.1",
        "GET http://a/b HTTP/1.1",  // absolute-form is not accepted (see the parser's comment, §3.2.2)
        "CONNECT a:443 HTTP/1.1",  // authority-form (§3.2.3)
        "GET a/b HTTP/1.1",
    ])
    func targetsOtherThanOriginFormAre400(mode: FeedMode, line: String) {
        #expect(parse("\(line)\r\nHost: a\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases, ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0", "HTTP/1.9"])
    func otherVersionsAre505(mode: FeedMode, version: String) {
        #expect(parse("GET / \(version)\r\nHost: a\r\n\r\n", mode: mode).status == 505)
    }

    @Test(arguments: FeedMode.allCases, [
        "GET / http/1.1",  // HTTP-name is case-sensitive (§2.3)
        "GET / HTTP/11.1",
        "GET / HTTP/1.10",
        "GET / HTTP/1",
        "GET / HTTP/1.x",
        "GET / HTTPS/1.1",
        "GET / HTTP/1.1 ",  // trailing space
        "GET  / HTTP/1.1",  // two spaces
        "GET /  HTTP/1.1",
        "GET\t/ HTTP/1.1",  // only SP separates (§3)
        "GET /\tx HTTP/1.1",
        " GET / HTTP/1.1",
        "GET /",
        "GET / ",
        "GET",
        "/ HTTP/1.1",
        "GE(T / HTTP/1.1",  // the method is a token (§3.1)
        "GET /a\u{7F} HTTP/1.1",  // controls in the target (§3.2)
        "GET /caf\u{E9} HTTP/1.1",  // non-ASCII in the target
        "\u{16}\u{03}\u{01} / HTTP/1.1",  // the start of a TLS handshake
    ])
    func malformedRequestLinesAre400(mode: FeedMode, line: String) {
        #expect(parse("\(line)\r\nHost: a\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func bareCRInRequestLineIs400(mode: FeedMode) {
        // RFC 9112 §2.2: a bare CR is rejected.
        #expect(parse("GET /a\rb HTTP/1.1\r\nHost: a\r\n\r\n", mode: mode).status == 400)
        #expect(parse("GET / HTTP/1.1\r\r\nHost: a\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func bareLFEndingRequestLineIs400(mode: FeedMode) {
        // RFC 9112 §2.2 allows accepting a bare LF; Klaxon rejects it so no proxy in front can disagree on lines.
        #expect(parse("GET / HTTP/1.1\nHost: a\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func leadingEmptyLinesAreIgnored(mode: FeedMode) throws {
        // RFC 9112 §2.2: empty lines before the request line are ignored, also between pipelined requests.
        let outcome = parse("\r\n\r\nGET /a HTTP/1.1\r\nHost: a\r\n\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n", mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.heads.map(\.target) == ["/a", "/b"])
        #expect(outcome.ends == 2)
    }

    @Test(arguments: FeedMode.allCases, ["\n", "\r\n\n", "\rX", "\r\n\rGET"])
    func leadingBareLineBreaksAre400(mode: FeedMode, prefix: String) {
        #expect(parse("\(prefix)GET / HTTP/1.1\r\nHost: a\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func onlyEmptyLinesWaitForMore(mode: FeedMode) {
        let outcome = parse("\r\n\r\n\r", mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.events.isEmpty)
    }
}
