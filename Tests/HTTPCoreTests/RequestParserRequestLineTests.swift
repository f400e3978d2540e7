import Testing

@testable import HTTPCore

/// The request line: `method SP request-target SP HTTP-version CRLF` (RFC 9112 §3).
@Suite struct RequestParserRequestLineTests {
    @Test(arguments: FeedMode.allCases)
    func simpleGetIsParsed(mode: FeedMode) throws {
        let outcome = parse(
            "GET /api/v1/incidents?status=open&x=%20 HTTP/1.1\r\nHost: klaxon.local\r\n\r\n", mode: mode)
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

    @Test(
        arguments: FeedMode.allCases,
        [
            "GET * HTTP/1.1",  // asterisk-form only with OPTIONS (§3.2.4)
            "OPTIONS *x HTTP/1.1",
            "GET ftp://a/b HTTP/1.1",  // absolute-form only for http and https
            "GET http:/a HTTP/1.1",
            "GET http:///a HTTP/1.1",  // an http URI needs a host (RFC 9110 §4.2.1)
            "GET http://user@a/ HTTP/1.1",  // no userinfo (RFC 9110 §4.2.4)
            "GET http://a#f/ HTTP/1.1",
            "CONNECT a:443 HTTP/1.1",  // authority-form (§3.2.3)
            "GET a/b HTTP/1.1",
        ])
    func targetsOtherThanOriginAsteriskOrHTTPAbsoluteFormAre400(mode: FeedMode, line: String) {
        #expect(parse("\(line)\r\nHost: a\r\n\r\n", mode: mode).status == 400)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            ("GET http://klaxon.example/api/v1?x=1 HTTP/1.1", "/api/v1?x=1", "klaxon.example"),
            ("GET HTTP://Klaxon.Example HTTP/1.1", "/", "Klaxon.Example"),
            ("GET https://a:8443?q HTTP/1.1", "/?q", "a:8443"),
            ("POST http://[::1]:8080/x/ HTTP/1.1", "/x/", "[::1]:8080"),
        ])
    func absoluteFormBecomesOriginFormAndItsAuthorityTheHost(
        mode: FeedMode,
        example: (line: String, target: String, host: String)
    ) throws {
        // RFC 9112 §3.2.2: accepted, and the received Host is ignored for the target's authority.
        let head = try #require(parse("\(example.line)\r\nHost: other\r\nX-A: 1\r\n\r\n", mode: mode).head)
        #expect(head.target == example.target)
        #expect(head.headers.values("host") == [example.host])
        #expect(head.headers["x-a"] == "1")
    }

    @Test(arguments: FeedMode.allCases)
    func absoluteFormStillNeedsHostInHTTP11(mode: FeedMode) {
        // RFC 9112 §3.2: every HTTP/1.1 request carries Host.
        #expect(parse("GET http://a/ HTTP/1.1\r\n\r\n", mode: mode).status == 400)
        #expect(parse("GET http://a/ HTTP/1.1\r\nHost: a b\r\n\r\n", mode: mode).status == 400)
        #expect(parse("GET http://a/ HTTP/1.0\r\n\r\n", mode: mode).heads.first?.headers["host"] == "a")
    }

    @Test(arguments: FeedMode.allCases, ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0", "HTTP/1.9"])
    func otherVersionsAre505(mode: FeedMode, version: String) {
        #expect(parse("GET / \(version)\r\nHost: a\r\n\r\n", mode: mode).status == 505)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
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
    func nonTokenFirstByteIs400WithoutWaitingForTheLine(mode: FeedMode) {
        // A TLS ClientHello (0x16 0x03 0x01 ...) or other binary on the plain port: no line end needed to refuse it.
        #expect(parse("\u{16}\u{03}\u{01}\u{02}", mode: mode).status == 400)
        #expect(parse("\r\n{\"json\": 1}", mode: mode).status == 400)
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
        let outcome = parse(
            "\r\n\r\nGET /a HTTP/1.1\r\nHost: a\r\n\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n", mode: mode)
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
