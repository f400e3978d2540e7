import Testing

@testable import HTTPCore

/// Every limit of `HTTPParserConfiguration`, in pairs: at the limit accepted, one past rejected with its status.
@Suite struct RequestParserLimitTests {
    /// A request line of exactly `length` bytes (without CRLF).
    static func requestLine(length: Int) -> String {
        "GET /" + String(repeating: "a", count: length - 14) + " HTTP/1.1"
    }

    /// A header section of exactly `size` bytes, counted from after the request line through the final CRLF.
    static func headerSection(size: Int) -> String {
        "Host: a\r\nX: " + String(repeating: "v", count: size - 16) + "\r\n\r\n"
    }

    /// `count` field lines, Host first.
    static func fields(count: Int) -> String {
        "Host: a\r\n" + (1..<count).map { "X-\($0): \($0)\r\n" }.joined()
    }

    @Test func helpersBuildWhatTheySay() {
        #expect(Self.requestLine(length: 8192).utf8.count == 8192)
        #expect(Self.headerSection(size: 16384).utf8.count == 16384)
        #expect(Self.fields(count: 100).split(separator: "\r\n").count == 100)
    }

    // MARK: Request line (414)

    @Test(arguments: FeedMode.allCases)
    func requestLineAtLimitIsAccepted(mode: FeedMode) throws {
        let outcome = parse(Self.requestLine(length: 8192) + "\r\nHost: a\r\n\r\n", mode: mode)
        #expect(outcome.error == nil)
        #expect(try #require(outcome.head).target.utf8.count == 8192 - 13)
    }

    @Test(arguments: FeedMode.allCases)
    func requestLineOverLimitIs414(mode: FeedMode) {
        #expect(parse(Self.requestLine(length: 8193) + "\r\nHost: a\r\n\r\n", mode: mode).status == 414)
    }

    @Test(arguments: FeedMode.allCases)
    func incompleteRequestLineOverLimitIs414(mode: FeedMode) {
        // No CRLF yet, but 8194 bytes without one cannot be a line of at most 8192 bytes plus CRLF.
        let start = "GET /" + String(repeating: "a", count: 8194 - 5)
        #expect(parse(start, mode: mode).status == 414)
        // One byte less could still end in CRLF at the limit: wait.
        let outcome = parse(String(start.dropLast()), mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.events.isEmpty)
    }

    @Test(arguments: FeedMode.allCases)
    func configuredRequestLineLimitIsUsed(mode: FeedMode) {
        var configuration = HTTPParserConfiguration()
        configuration.maxRequestLineLength = 100
        #expect(
            parse(Self.requestLine(length: 100) + "\r\nHost: a\r\n\r\n", mode: mode, configuration: configuration).error
                == nil)
        #expect(
            parse(Self.requestLine(length: 101) + "\r\nHost: a\r\n\r\n", mode: mode, configuration: configuration)
                .status == 414)
    }

    // MARK: Header section (431)

    @Test(arguments: FeedMode.allCases)
    func headerSectionAtLimitIsAccepted(mode: FeedMode) throws {
        // The request line does not count toward the header section, even at its own limit.
        let outcome = parse(Self.requestLine(length: 8192) + "\r\n" + Self.headerSection(size: 16384), mode: mode)
        #expect(outcome.error == nil)
        #expect(try #require(outcome.head).headers["x"]?.utf8.count == 16384 - 16)
    }

    @Test(arguments: FeedMode.allCases)
    func headerSectionOverLimitIs431(mode: FeedMode) {
        #expect(parse("GET / HTTP/1.1\r\n" + Self.headerSection(size: 16385), mode: mode).status == 431)
    }

    @Test(arguments: FeedMode.allCases)
    func incompleteHeaderSectionOverLimitIs431(mode: FeedMode) {
        // 16384 bytes of section without its end: the end can only come past the limit.
        let lines = "Host: a\r\nX: " + String(repeating: "v", count: 16384 - 14) + "\r\n"
        #expect(lines.utf8.count == 16384)
        #expect(parse("GET / HTTP/1.1\r\n" + lines, mode: mode).status == 431)
        // One byte less, the empty line could still fit: wait.
        let oneLess = "Host: a\r\nX: " + String(repeating: "v", count: 16384 - 14) + "\r"
        let waiting = parse("GET / HTTP/1.1\r\n" + oneLess, mode: mode)
        #expect(waiting.error == nil)
        #expect(waiting.events.isEmpty)
    }

    // MARK: Field count (431)

    @Test(arguments: FeedMode.allCases)
    func hundredFieldsAreAccepted(mode: FeedMode) throws {
        let outcome = parse("GET / HTTP/1.1\r\n" + Self.fields(count: 100) + "\r\n", mode: mode)
        #expect(try #require(outcome.head).headers.count == 100)
    }

    @Test(arguments: FeedMode.allCases)
    func hundredAndOneFieldsAre431(mode: FeedMode) {
        #expect(parse("GET / HTTP/1.1\r\n" + Self.fields(count: 101) + "\r\n", mode: mode).status == 431)
        // Also before the header section is complete.
        #expect(parse("GET / HTTP/1.1\r\n" + Self.fields(count: 101), mode: mode).status == 431)
    }

    // MARK: Content-Length body (413)

    static func smallBodyLimit() -> HTTPParserConfiguration {
        var configuration = HTTPParserConfiguration()
        configuration.defaultBodyLimit = 16
        return configuration
    }

    @Test(arguments: FeedMode.allCases)
    func contentLengthAtBodyLimitIsAccepted(mode: FeedMode) {
        let body = String(repeating: "b", count: 16)
        let outcome = parse(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 16\r\n\r\n" + body, mode: mode,
            configuration: Self.smallBodyLimit())
        #expect(outcome.error == nil)
        #expect(outcome.bodies == [body])
    }

    @Test(arguments: FeedMode.allCases)
    func contentLengthOverBodyLimitIs413BeforeAnyBodyByte(mode: FeedMode) {
        let body = String(repeating: "b", count: 17)
        let outcome = parse(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 17\r\n\r\n" + body, mode: mode,
            configuration: Self.smallBodyLimit())
        #expect(outcome.status == 413)
        #expect(outcome.events.count == 1)  // the head, and no body
    }

    @Test(arguments: FeedMode.allCases)
    func defaultBodyLimitIsOneMebibyteAndCheckedWithoutTheBody(mode: FeedMode) {
        // No body byte is sent: the answer comes right after the head (what `Expect: 100-continue` needs).
        let atLimit = parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048576\r\n\r\n", mode: mode)
        #expect(atLimit.error == nil)
        #expect(atLimit.events.count == 1)
        let over = parse(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\nExpect: 100-continue\r\n\r\n", mode: mode)
        #expect(over.status == 413)
        #expect(over.heads.first?.expectsContinue == true)
    }

    @Test(arguments: FeedMode.allCases)
    func bodyLimitSetAfterHeadApplies(mode: FeedMode) {
        let request = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 40\r\n\r\n" + String(repeating: "b", count: 40)
        #expect(parse(request, mode: mode, configuration: Self.smallBodyLimit()).status == 413)
        #expect(parse(request, mode: mode, configuration: Self.smallBodyLimit(), bodyLimitAfterHead: 40).error == nil)
        #expect(parse(request, mode: mode, bodyLimitAfterHead: 39).status == 413)
    }

    @Test func bodyLimitStartsAtTheDefaultForEveryRequest() {
        var parser = HTTPRequestParser(configuration: Self.smallBodyLimit())
        #expect(parser.bodyLimit == 16)
        let bytes = Array(
            ("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 20\r\n\r\n" + String(repeating: "b", count: 20)
                + "POST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 20\r\n\r\n").utf8
        )
        var offset = 0
        var events: [HTTPParserEvent] = []
        while case .success(let event?) = callNext(&parser, bytes, offset: &offset) {
            events.append(event)
            if events.count == 1 {
                parser.bodyLimit = 20  // the route of the first request allows more
            }
            if events.count == 4 {
                break
            }
        }
        #expect(events.count == 4)  // head, body, end, head
        #expect(parser.bodyLimit == 16)
        let last = callNext(&parser, bytes, offset: &offset)
        guard case .failure(let error) = last else {
            Issue.record("expected 413 for the second request, got \(last)")
            return
        }
        #expect(error.status == .contentTooLarge)
    }

    // MARK: Chunked body (413)

    @Test(arguments: FeedMode.allCases)
    func chunkedBodyAtLimitIsAccepted(mode: FeedMode) {
        let request =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n6\r\nabcdef\r\n0\r\n\r\n"
        let outcome = parse(request, mode: mode, configuration: Self.smallBodyLimit())
        #expect(outcome.error == nil)
        #expect(outcome.bodies == ["0123456789abcdef"])
    }

    @Test(arguments: FeedMode.allCases)
    func chunkedBodyOverLimitIs413AtTheChunkThatCrossesIt(mode: FeedMode) {
        let request =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n7\r\nabcdefg\r\n0\r\n\r\n"
        let outcome = parse(request, mode: mode, configuration: Self.smallBodyLimit())
        #expect(outcome.status == 413)
        // The first chunk was delivered; nothing of the second.
        #expect(outcome.events.dropFirst() == [.body(Array("0123456789".utf8))])
    }

    // MARK: Chunk extension (400)

    @Test(arguments: FeedMode.allCases)
    func chunkExtensionAtLimitIsAccepted(mode: FeedMode) {
        let chunkExtension = ";a=" + String(repeating: "e", count: 1024 - 3)
        let request =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\(chunkExtension)\r\nhello\r\n0\r\n\r\n"
        let outcome = parse(request, mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.bodies == ["hello"])
    }

    @Test(arguments: FeedMode.allCases)
    func chunkExtensionOverLimitIs400(mode: FeedMode) {
        let chunkExtension = ";a=" + String(repeating: "e", count: 1025 - 3)
        let request =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\(chunkExtension)\r\nhello\r\n0\r\n\r\n"
        #expect(parse(request, mode: mode).status == 400)
        // Also while the extension is still arriving.
        let incomplete = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\(chunkExtension)"
        #expect(parse(incomplete, mode: mode).status == 400)
    }

    // MARK: Trailer section (431)

    @Test(arguments: FeedMode.allCases)
    func trailerSectionAtLimitsIsAccepted(mode: FeedMode) {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n"
        let bySize = parse(head + Self.headerSection(size: 16384), mode: mode)
        #expect(bySize.error == nil)
        #expect(bySize.ends == 1)
        let byCount = parse(head + Self.fields(count: 100) + "\r\n", mode: mode)
        #expect(byCount.error == nil)
        #expect(byCount.ends == 1)
    }

    @Test(arguments: FeedMode.allCases)
    func trailerSectionOverLimitsIs431(mode: FeedMode) {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n"
        #expect(parse(head + Self.headerSection(size: 16385), mode: mode).status == 431)
        #expect(parse(head + Self.fields(count: 101) + "\r\n", mode: mode).status == 431)
    }
}
