import Testing

@testable import HTTPCore

/// Header field lines: `field-name ":" OWS field-value OWS CRLF` (RFC 9112 §5) and the Host rules (§3.2).
@Suite struct RequestParserHeaderTests {
    @Test(arguments: FeedMode.allCases)
    func fieldsKeepOrderSpellingAndTrimmedValues(mode: FeedMode) throws {
        let outcome = parse(
            "GET / HTTP/1.1\r\nHost: a\r\nX-Trace:abc\r\nx-trace: \t def ghi \t \r\nEmpty:\r\nBlank:   \r\n\r\n",
            mode: mode
        )
        let head = try #require(outcome.head)
        #expect(
            head.headers
                == HTTPHeaders([
                    (name: "Host", value: "a"), (name: "X-Trace", value: "abc"), (name: "x-trace", value: "def ghi"),
                    (name: "Empty", value: ""), (name: "Blank", value: ""),
                ]))
        #expect(head.headers.values("X-TRACE") == ["abc", "def ghi"])
    }

    @Test(arguments: FeedMode.allCases)
    func obsTextInValuesIsKept(mode: FeedMode) throws {
        let head = try #require(
            parse("GET / HTTP/1.1\r\nHost: a\r\nX-Name: Zo\u{EB} \"q\" (c)\r\n\r\n", mode: mode).head)
        #expect(head.headers["x-name"] == "Zo\u{EB} \"q\" (c)")
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "X-A: 1\r\n b",  // obs-fold (§5.2)
            "X-A: 1\r\n\tb",
        ])
    func obsoleteLineFoldingIs400(mode: FeedMode, fields: String) {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func whitespaceBeforeFirstFieldIs400(mode: FeedMode) {
        // RFC 9112 §2.2: whitespace between the request line and the first field line.
        #expect(parse("GET / HTTP/1.1\r\n Host: a\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases, ["Host : a", "Host\t: a", "Content-Length : 5"])
    func whitespaceBeforeColonIs400(mode: FeedMode, field: String) {
        // RFC 9112 §5.1.
        #expect(parse("GET / HTTP/1.1\r\nHost: b\r\n\(field)\r\n\r\n", mode: mode).status == 400)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "NoColon",
            ": empty-name",
            "X(Y): 1",
            "X Y: 1",
            "X\u{0}Y: 1",
            "X\u{E9}: 1",
            "X-A\rB: 1",  // bare CR in a name (§2.2)
        ])
    func malformedFieldNamesAre400(mode: FeedMode, field: String) {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\n\(field)\r\n\r\n", mode: mode).status == 400)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "X-A: a\rb",  // bare CR (§2.2, §5.5)
            "X-A: a\r",
            "X-A: a\u{0}b",  // NUL (§5.5)
            "X-A: \u{0}",
            "X-A: a\u{1}b",  // other controls (§5.5)
            "X-A: a\u{1B}[31m",
            "X-A: a\u{7F}",
        ])
    func controlsInFieldValuesAre400(mode: FeedMode, field: String) {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\n\(field)\r\n\r\n", mode: mode).status == 400)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "GET / HTTP/1.1\r\nHost: a\nX: 1\r\n\r\n",  // bare LF ends a field line
            "GET / HTTP/1.1\r\nHost: a\r\n\n",  // bare LF as the empty line
            "GET / HTTP/1.1\r\nHost: a\r\nX: 1\n\r\n",
        ])
    func bareLFInHeaderSectionIs400(mode: FeedMode, request: String) {
        // RFC 9112 §2.2: accepting a bare LF is allowed, not required; Klaxon rejects it (smuggling safety).
        #expect(parse(request, mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func missingHostInHTTP11Is400(mode: FeedMode) {
        // RFC 9112 §3.2.
        #expect(parse("GET / HTTP/1.1\r\nX-A: 1\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases, ["HTTP/1.1", "HTTP/1.0"])
    func repeatedHostIs400(mode: FeedMode, version: String) {
        // RFC 9112 §3.2: more than one Host field line, even with the same value.
        #expect(parse("GET / \(version)\r\nHost: a\r\nHost: a\r\n\r\n", mode: mode).status == 400)
        #expect(parse("GET / \(version)\r\nHost: a\r\nhost: b\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases, ["a b", "a/b", "user@a", "a?b", "a#b", "\"a\"", "a,b", "a\\b", "<a>"])
    func invalidHostValuesAre400(mode: FeedMode, host: String) {
        // RFC 9112 §3.2: an invalid Host value is 400.
        #expect(parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n", mode: mode).status == 400)
    }

    @Test(
        arguments: FeedMode.allCases,
        ["", "a", "klaxon.example.com:8080", "127.0.0.1", "[::1]:8080", "xn--bcher-kva.example"])
    func validHostValuesAreAccepted(mode: FeedMode, host: String) throws {
        let head = try #require(parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n", mode: mode).head)
        #expect(head.headers["host"] == host)
    }
}
