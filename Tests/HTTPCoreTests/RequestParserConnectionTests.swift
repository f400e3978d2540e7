import Testing

@testable import HTTPCore

/// Persistence (`Connection`), `Expect: 100-continue` and pipelining.
@Suite struct RequestParserConnectionTests {
    @Test(
        arguments: FeedMode.allCases,
        [
            ("", true),  // RFC 9112 §9.3: HTTP/1.1 persists by default
            ("Connection: close\r\n", false),
            ("Connection: Close\r\n", false),
            ("Connection: CLOSE\r\n", false),
            ("Connection: keep-alive, close\r\n", false),
            ("Connection: upgrade,close\r\n", false),
            ("Connection: keep-alive\r\nConnection: close\r\n", false),
            ("Connection: keep-alive\r\n", true),
            ("Connection: closed\r\n", true),  // a different token
            ("Connection: x-close\r\n", true),
            ("Connection:\r\n", true),
        ])
    func http11KeepsAliveUnlessCloseIsListed(mode: FeedMode, example: (fields: String, keepAlive: Bool)) throws {
        let head = try #require(parse("GET / HTTP/1.1\r\nHost: a\r\n\(example.fields)\r\n", mode: mode).head)
        #expect(head.keepAlive == example.keepAlive)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            ("", false),  // RFC 9112 §9.3: HTTP/1.0 closes by default
            ("Connection: keep-alive\r\n", true),
            ("Connection: Keep-Alive\r\n", true),
            ("Connection: foo, keep-alive\r\n", true),
            ("Connection: keep-alive, close\r\n", false),
            ("Connection: close\r\n", false),
            ("Connection: keepalive\r\n", false),
        ])
    func http10KeepsAliveOnlyWithKeepAlive(mode: FeedMode, example: (fields: String, keepAlive: Bool)) throws {
        let head = try #require(parse("GET / HTTP/1.0\r\n\(example.fields)\r\n", mode: mode).head)
        #expect(head.keepAlive == example.keepAlive)
    }

    @Test(arguments: FeedMode.allCases, ["100-continue", "100-Continue", " 100-CONTINUE "])
    func expectContinueIsFlagged(mode: FeedMode, value: String) throws {
        let request = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: \(value)\r\n\r\nhello"
        let outcome = parse(request, mode: mode)
        #expect(try #require(outcome.head).expectsContinue)
        #expect(outcome.bodies == ["hello"])
    }

    @Test(arguments: FeedMode.allCases)
    func noExpectationMeansNoContinue(mode: FeedMode) throws {
        let head = try #require(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n", mode: mode).head)
        #expect(!head.expectsContinue)
    }

    @Test(arguments: FeedMode.allCases)
    func expectContinueInHTTP10IsIgnored(mode: FeedMode) throws {
        // RFC 9110 §10.1.1: a server MUST ignore a 100-continue expectation in an HTTP/1.0 request.
        let request = "POST / HTTP/1.0\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nhello"
        let head = try #require(parse(request, mode: mode).head)
        #expect(!head.expectsContinue)
        #expect(parse("GET / HTTP/1.0\r\nExpect: something-else\r\n\r\n", mode: mode).error == nil)
    }

    @Test(arguments: FeedMode.allCases, ["something-else", "100-continue, foo", "200-ok", "100-continue=1"])
    func otherExpectationsAre417(mode: FeedMode, value: String) {
        // RFC 9110 §10.1.1: a server MAY answer 417 to an expectation it does not support.
        let outcome = parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nExpect: \(value)\r\n\r\n", mode: mode)
        #expect(outcome.status == 417)
    }

    @Test(arguments: FeedMode.allCases)
    func threePipelinedRequestsAreParsedInOrder(mode: FeedMode) {
        let requests =
            "GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n{\"a\":1}"
            + "PUT /three HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\nab\r\n1;x=y\r\nc\r\n0\r\n\r\n"
        let outcome = parse(requests, mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.heads.map(\.method) == [.get, .post, .put])
        #expect(outcome.heads.map(\.target) == ["/one", "/two", "/three"])
        #expect(outcome.heads.map(\.framing) == [.none, .contentLength(7), .chunked])
        #expect(outcome.heads.map(\.keepAlive) == [true, true, false])
        #expect(outcome.bodies == ["", "{\"a\":1}", "abc"])
        // head, end, head, body, end, head, body, end (chunk data merged into one body event)
        #expect(outcome.events.count == 8)
    }

    @Test func manyPipelinedRequestsAreAllParsed() {
        let request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: wrk\r\n\r\n"
        let bytes = Array(String(repeating: request, count: 100_000).utf8)
        var parser = HTTPRequestParser()
        var heads = 0
        var ends = 0
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while true {
                let event: HTTPParserEvent?
                do {
                    event = try parser.next(raw, offset: &offset)
                } catch {
                    Issue.record("unexpected \(error)")
                    return
                }
                switch event {
                case .head(let head):
                    heads += 1
                    if head.target != "/healthz" {
                        Issue.record("wrong target \(head.target)")
                        return
                    }
                case .end: ends += 1
                case .body: Issue.record("no body expected")
                case nil: return
                }
            }
        }
        #expect(heads == 100_000)
        #expect(ends == 100_000)
        #expect(offset == bytes.count)
    }
}
