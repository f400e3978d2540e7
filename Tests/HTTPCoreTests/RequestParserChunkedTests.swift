import Testing

@testable import HTTPCore

/// Chunked request bodies (RFC 9112 §7.1).
@Suite struct RequestParserChunkedTests {
    static let head = "POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"

    @Test(arguments: FeedMode.allCases)
    func chunksAreJoinedIntoTheBody(mode: FeedMode) {
        let outcome = parse(Self.head + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.bodies == ["hello world"])
        #expect(outcome.events.last == .end)
    }

    @Test(arguments: FeedMode.allCases)
    func hexSizesAreCaseInsensitiveAndMayHaveLeadingZeros(mode: FeedMode) {
        let body = String(repeating: "x", count: 26)
        let outcome = parse(
            Self.head + "a\r\n\(body.prefix(10))\r\n0000000F\r\n\(body.prefix(15))\r\n1\r\nx\r\n000\r\n\r\n", mode: mode
        )
        #expect(outcome.error == nil)
        #expect(outcome.bodies == [body])
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "5;name=value",
            "5;name",
            "5;a=1;b=2;flag",
            "5 ;a=\"quoted; value, with \\\" escapes\"",
            "5\t; a = b",
            "5;chunk-signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9",
        ])
    func chunkExtensionsAreIgnored(mode: FeedMode, sizeLine: String) {
        let outcome = parse(Self.head + "\(sizeLine)\r\nhello\r\n0;last=yes\r\n\r\n", mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.bodies == ["hello"])
    }

    @Test(arguments: FeedMode.allCases)
    func trailersAreParsedAndDiscarded(mode: FeedMode) throws {
        let outcome = parse(Self.head + "5\r\nhello\r\n0\r\nX-Checksum: abc\r\nX-Other:  1 \r\n\r\n", mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.bodies == ["hello"])
        let head = try #require(outcome.head)
        #expect(head.headers["x-checksum"] == nil)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "0\r\nX-A: 1\r\n b\r\n\r\n",  // obs-fold in a trailer
            "0\r\nX-A : 1\r\n\r\n",  // whitespace before colon
            "0\r\nNoColon\r\n\r\n",
            "0\r\nX-A: 1\nX-B: 2\r\n\r\n",  // bare LF
            "0\r\nX-A: 1\r\n\n",
            "0\r\nX-A: a\rb\r\n\r\n",  // bare CR
            "0\r\nX-A: a\u{0}\r\n\r\n",  // NUL
            "0\r\n\n",
        ])
    func malformedTrailersAre400(mode: FeedMode, tail: String) {
        #expect(parse(Self.head + "5\r\nhello\r\n" + tail, mode: mode).status == 400)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "10000000000000000\r\n",  // 17 hex digits
            "00000000000000000\r\n",  // 17 digits, even zeros
            "FFFFFFFFFFFFFFFF\r\n",  // 16 digits, beyond Int.max
            "8000000000000000\r\n",  // Int.max + 1
        ])
    func overflowingChunkSizesAre400(mode: FeedMode, sizeLine: String) {
        #expect(parse(Self.head + sizeLine, mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func largestChunkSizeParsesAndIsOverTheLimit(mode: FeedMode) {
        #expect(parse(Self.head + "7FFFFFFFFFFFFFFF\r\n", mode: mode).status == 413)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "5\r\nhelloX\r\n0\r\n\r\n",  // missing CRLF after chunk data
            "5\r\nhello\n0\r\n\r\n",  // bare LF after chunk data
            "5\r\nhello\rX0\r\n\r\n",  // CR without LF after chunk data
            "5\r\nhello0\r\n\r\n",
            "5\nhello\r\n0\r\n\r\n",  // bare LF after the size
            "5\rhello\r\n0\r\n\r\n",  // bare CR after the size
            "\r\nhello\r\n0\r\n\r\n",  // no size
            "G\r\nhello\r\n0\r\n\r\n",
            "-5\r\nhello\r\n0\r\n\r\n",
            "+5\r\nhello\r\n0\r\n\r\n",
            "0x5\r\nhello\r\n0\r\n\r\n",
            "5 \r\nhello\r\n0\r\n\r\n",  // whitespace not followed by an extension
            " 5\r\nhello\r\n0\r\n\r\n",
            "5;a\u{0}b\r\nhello\r\n0\r\n\r\n",  // NUL in an extension
            "5;a\nb\r\nhello\r\n0\r\n\r\n",  // bare LF in an extension
            "5;a\rb\r\nhello\r\n0\r\n\r\n",
            "5 x;a\r\nhello\r\n0\r\n\r\n",
            "0\r\n\r\r\n",  // bare CR ending the trailer section
        ])
    func malformedChunkFramingIs400(mode: FeedMode, body: String) {
        #expect(parse(Self.head + body, mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func incompleteChunkedBodyWaitsForMore(mode: FeedMode) {
        let outcome = parse(Self.head + "5\r\nhel", mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.ends == 0)
        #expect(outcome.events.last == .body(Array("hel".utf8)))
        let trailerPending = parse(Self.head + "5\r\nhello\r\n0\r\nX-A: 1\r\n", mode: mode)
        #expect(trailerPending.error == nil)
        #expect(trailerPending.ends == 0)
    }

    @Test(arguments: FeedMode.allCases)
    func requestAfterChunkedBodyIsParsed(mode: FeedMode) {
        let outcome = parse(
            Self.head + "3\r\nabc\r\n0\r\nX-T: 1\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n",
            mode: mode
        )
        #expect(outcome.error == nil)
        #expect(outcome.heads.map(\.target) == ["/upload", "/next"])
        #expect(outcome.bodies == ["abc", ""])
    }
}
