import Testing

@testable import HTTPCore

/// Body framing and the request-smuggling rules of RFC 9112 §6.
@Suite struct RequestParserFramingTests {
    @Test(arguments: FeedMode.allCases)
    func contentLengthBodyIsReturned(mode: FeedMode) throws {
        let outcome = parse("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world", mode: mode)
        #expect(outcome.error == nil)
        #expect(try #require(outcome.head).framing == .contentLength(11))
        #expect(outcome.bodies == ["hello world"])
        #expect(outcome.events.last == .end)
    }

    @Test(arguments: FeedMode.allCases)
    func incompleteBodyWaitsForMore(mode: FeedMode) {
        let outcome = parse("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello", mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.events.count == 2)
        #expect(outcome.events.last == .body(Array("hello".utf8)))
    }

    @Test(arguments: FeedMode.allCases)
    func zeroContentLengthEndsAtOnce(mode: FeedMode) throws {
        let outcome = parse("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n", mode: mode)
        #expect(try #require(outcome.head).framing == .contentLength(0))
        #expect(outcome.events.count == 2)
        #expect(outcome.bodies == [""])
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "Content-Length: 5, 5",  // RFC 9112 §6.3 ¶5: identical values act as one
            "Content-Length: 5,5",
            "Content-Length: 5\r\nContent-Length: 5",
            "Content-Length: 005",
        ])
    func identicalContentLengthsAreAccepted(mode: FeedMode, fields: String) throws {
        let outcome = parse("POST / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\r\nhello", mode: mode)
        #expect(try #require(outcome.head).framing == .contentLength(5))
        #expect(outcome.bodies == ["hello"])
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "Content-Length: 5, 6",  // RFC 9112 §6.3 ¶5: differing values are 400
            "Content-Length: 5\r\nContent-Length: 6",
            "Content-Length: 5\r\ncontent-length: 5, 6",
            "Content-Length: 0\r\nContent-Length: 5",
        ])
    func differingContentLengthsAre400(mode: FeedMode, fields: String) {
        #expect(parse("POST / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\r\nhello", mode: mode).status == 400)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "+5", "-1", "5 5", "0x5", "5a", "", "abc", "5,", ",5", "5,,5", "1.0", "\u{662}",
            "99999999999999999999",  // beyond Int.max
            "9223372036854775808",  // Int.max + 1
        ])
    func invalidContentLengthsAre400(mode: FeedMode, value: String) {
        // RFC 9110 §8.6: Content-Length = 1*DIGIT.
        #expect(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func largestContentLengthParses(mode: FeedMode) {
        // Int.max parses; it is then simply over the body limit.
        let outcome = parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9223372036854775807\r\n\r\n", mode: mode)
        #expect(outcome.heads.first?.framing == .contentLength(Int.max))
        #expect(outcome.status == 413)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "Transfer-Encoding: chunked\r\nContent-Length: 5",  // RFC 9112 §6.1 / §6.3 ¶3
            "Content-Length: 5\r\nTransfer-Encoding: chunked",
            "Content-Length: 0\r\nTransfer-Encoding: chunked",
            "Transfer-Encoding: gzip, chunked\r\nContent-Length: 5",
        ])
    func transferEncodingWithContentLengthIs400(mode: FeedMode, fields: String) {
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\r\n5\r\nhello\r\n0\r\n\r\n", mode: mode).status == 400)
    }

    @Test(arguments: FeedMode.allCases)
    func transferEncodingInHTTP10Is400(mode: FeedMode) {
        // RFC 9112 §6.1: faulty framing in HTTP/1.0.
        let request = "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
        #expect(parse(request, mode: mode).status == 400)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "chunked", "Chunked", "CHUNKED", " chunked ", ", chunked", "chunked,",
        ])
    func chunkedTransferEncodingIsAccepted(mode: FeedMode, value: String) throws {
        let outcome = parse(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n5\r\nhello\r\n0\r\n\r\n", mode: mode)
        #expect(try #require(outcome.head).framing == .chunked)
        #expect(outcome.bodies == ["hello"])
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "Transfer-Encoding: chunked, identity",  // RFC 9112 §6.3 ¶4: chunked not final -> 400
            "Transfer-Encoding: chunked, gzip",
            "Transfer-Encoding: identity",
            "Transfer-Encoding: gzip",
            "Transfer-Encoding: chunked;q=1",
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip",
            "Transfer-Encoding: chunked, chunked",  // RFC 9112 §6.1: chunked at most once
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked",
            "Transfer-Encoding:",
            "Transfer-Encoding: ,",
        ])
    func transferEncodingNotEndingInOneChunkedIs400(mode: FeedMode, fields: String) {
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\r\n5\r\nhello\r\n0\r\n\r\n", mode: mode).status == 400)
    }

    @Test(
        arguments: FeedMode.allCases,
        [
            "Transfer-Encoding: gzip, chunked",  // RFC 9112 §6.1: codings we do not implement -> 501
            "Transfer-Encoding: identity, chunked",
            "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked",
        ])
    func otherCodingsBeforeChunkedAre501(mode: FeedMode, fields: String) {
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\r\n5\r\nhello\r\n0\r\n\r\n", mode: mode).status == 501)
    }

    @Test(arguments: FeedMode.allCases)
    func bodyIsTakenOnlyFromTheAnnouncedLength(mode: FeedMode) {
        // A body shorter than the bytes that follow: the rest is the next request, not part of this body.
        let request = "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\nHost: a\r\n\r\n"
        let outcome = parse(request, mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.heads.map(\.target) == ["/a", "/b"])
        #expect(outcome.bodies == ["abc", ""])
    }
}
