import Testing

@testable import HTTPCore

/// How a test hands its bytes to the parser.
enum FeedMode: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Every byte in one buffer, as when a whole request arrives in one read.
    case whole
    /// One byte per read: every call sees at most one new byte after what it did not consume.
    case byteByByte

    var testDescription: String { rawValue }
}

/// One parser event with body bytes copied out of the buffer (consecutive body events merged, so that both feed
/// modes give the same list).
enum ParsedEvent: Equatable, CustomStringConvertible {
    case head(HTTPRequestHead)
    case body([UInt8])
    case end

    var description: String {
        switch self {
        case .head(let head): "head(\(head.method) \(head.target) \(head.version))"
        case .body(let bytes): "body(\(String(decoding: bytes, as: UTF8.self)))"
        case .end: "end"
        }
    }
}

/// What a parser made of a byte sequence.
struct ParseOutcome {
    var events: [ParsedEvent] = []
    var error: HTTPParseError?

    /// The status code of the error, or nil when there was none.
    var status: Int? { error?.status.code }

    var heads: [HTTPRequestHead] {
        events.compactMap {
            if case .head(let head) = $0 { return head }
            return nil
        }
    }

    /// The only head; records an issue when there is not exactly one.
    var head: HTTPRequestHead? {
        let heads = heads
        #expect(heads.count == 1, "expected one head, got \(events) error \(String(describing: error))")
        return heads.first
    }

    /// The body of each request that ended, as text.
    var bodies: [String] {
        var result: [String] = []
        var current: [UInt8] = []
        for event in events {
            switch event {
            case .head: current = []
            case .body(let bytes): current += bytes
            case .end: result.append(String(decoding: current, as: UTF8.self))
            }
        }
        return result
    }

    /// Number of `.end` events.
    var ends: Int { events.filter { $0 == .end }.count }
}

/// Feeds bytes to a parser the way the server does: keep a buffer, append what arrived, call `next` until it returns
/// nil, then drop the consumed bytes from the front (so indices shift between calls). Checks the contract on the way:
/// a `.body` range lies in what the call consumed and ends where it stopped, and after an error every further call throws the same error.
func parse(
    _ bytes: [UInt8],
    mode: FeedMode,
    configuration: HTTPParserConfiguration = .init(),
    bodyLimitAfterHead: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ParseOutcome {
    parse(
        bytes,
        readSizes: mode == .whole ? [bytes.count] : Array(repeating: 1, count: bytes.count),
        configuration: configuration,
        bodyLimitAfterHead: bodyLimitAfterHead,
        sourceLocation: sourceLocation
    )
}

/// Feeds `bytes` in reads of the given sizes (their sum must be `bytes.count`), like `parse(_:mode:)`.
func parse(
    _ bytes: [UInt8],
    readSizes: [Int],
    configuration: HTTPParserConfiguration = .init(),
    bodyLimitAfterHead: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ParseOutcome {
    var parser = HTTPRequestParser(configuration: configuration)
    var outcome = ParseOutcome()
    var buffer: [UInt8] = []
    var position = 0
    var reads = readSizes.makeIterator()
    var calls = 0

    func append(_ event: ParsedEvent) {
        if case .body(let more) = event, case .body(let earlier)? = outcome.events.last {
            outcome.events[outcome.events.count - 1] = .body(earlier + more)
        } else {
            outcome.events.append(event)
        }
    }

    repeat {
        let taken = min(reads.next() ?? bytes.count, bytes.count - position)
        buffer += bytes[position..<(position + taken)]
        position += taken
        var offset = 0
        while true {
            calls += 1
            if calls > 4 * bytes.count + 1000 {
                Issue.record("parser does not stop returning events", sourceLocation: sourceLocation)
                return outcome
            }
            let before = offset
            let result = callNext(&parser, buffer, offset: &offset)
            switch result {
            case .failure(let error):
                outcome.error = error
                // The parser is finished: later calls throw the same error, whatever they are given.
                var againOffset = 0
                let again = callNext(&parser, buffer, offset: &againOffset)
                #expect(again == .failure(error), "a failed parser must keep failing", sourceLocation: sourceLocation)
                return outcome
            case .success(nil):
                break
            case .success(.head(let head)?):
                append(.head(head))
                if let limit = bodyLimitAfterHead {
                    parser.bodyLimit = limit
                }
                continue
            case .success(.body(let range)?):
                // Chunk framing before the data may be consumed by the same call; the data ends where the call stopped.
                #expect(
                    range.lowerBound >= before && range.upperBound == offset,
                    "a body range is the end of what the call consumed",
                    sourceLocation: sourceLocation
                )
                #expect(!range.isEmpty, "no empty body events", sourceLocation: sourceLocation)
                append(.body(Array(buffer[range])))
                continue
            case .success(.end?):
                append(.end)
                continue
            }
            break
        }
        buffer.removeFirst(offset)
    } while position < bytes.count
    return outcome
}

/// One call of `next` on the whole of `buffer`, its outcome as a value.
func callNext(
    _ parser: inout HTTPRequestParser,
    _ buffer: [UInt8],
    offset: inout Int
) -> Result<HTTPParserEvent?, HTTPParseError> {
    buffer.withUnsafeBytes { raw in
        Result { () throws(HTTPParseError) in try parser.next(raw, offset: &offset) }
    }
}

func parse(
    _ text: String,
    mode: FeedMode,
    configuration: HTTPParserConfiguration = .init(),
    bodyLimitAfterHead: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ParseOutcome {
    parse(
        Array(text.utf8),
        mode: mode,
        configuration: configuration,
        bodyLimitAfterHead: bodyLimitAfterHead,
        sourceLocation: sourceLocation
    )
}

/// Tests of the calling contract itself: what the server may rely on.
@Suite struct RequestParserFeedingTests {
    @Test(arguments: FeedMode.allCases)
    func bodylessRequestYieldsHeadThenEnd(mode: FeedMode) throws {
        let outcome = parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n", mode: mode)
        #expect(outcome.error == nil)
        #expect(outcome.events.count == 2)
        #expect(outcome.ends == 1)
        let head = try #require(outcome.head)
        #expect(head.framing == .none)
    }

    @Test func endOfBodylessRequestComesEvenWithNoBytesLeft() {
        var parser = HTTPRequestParser()
        let request = Array("GET /x HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        var offset = 0
        let first = callNext(&parser, request, offset: &offset)
        guard case .success(.head(let head)?) = first else {
            Issue.record("expected a head, got \(String(describing: first))")
            return
        }
        #expect(head.target == "/x")
        #expect(offset == request.count)
        var emptyOffset = 0
        let empty: [UInt8] = []
        let second = callNext(&parser, empty, offset: &emptyOffset)
        #expect(second == .success(.end))
        let third = callNext(&parser, empty, offset: &emptyOffset)
        #expect(third == .success(nil))
    }

    @Test func incompleteHeadIsNotConsumedAndNotRescanned() {
        var parser = HTTPRequestParser()
        let part = Array("GET / HTTP/1.1\r\nHost: a\r\nX-Long: abcdef".utf8)
        var offset = 0
        let event = callNext(&parser, part, offset: &offset)
        #expect(event == .success(nil))
        #expect(offset == 0)
        // The complete lines are recorded and the partial line was searched to its end: the next call resumes there.
        #expect(parser.scan.lineStart == "GET / HTTP/1.1\r\nHost: a\r\n".utf8.count)
        #expect(parser.scan.searchFrom == part.count)
        #expect(parser.scan.fieldCount == 1)
    }

    @Test func headIsReadAtAnyOffsetOfTheBuffer() {
        var parser = HTTPRequestParser()
        let bytes = Array("junkGET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc".utf8)
        var offset = 4
        let head = callNext(&parser, bytes, offset: &offset)
        guard case .success(.head(let parsed)?) = head else {
            Issue.record("expected a head")
            return
        }
        #expect(parsed.framing == .contentLength(3))
        let body = callNext(&parser, bytes, offset: &offset)
        #expect(body == .success(.body((bytes.count - 3)..<bytes.count)))
        let end = callNext(&parser, bytes, offset: &offset)
        #expect(end == .success(.end))
    }

    /// Valid and invalid inputs whose outcome must not depend on how they are cut into reads.
    static let corpus = [
        "\r\nGET /a HTTP/1.1\r\nHost: a\r\n\r\nPOST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
            + "PUT /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;x=\"y\"\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n"
            + "GET /d HTTP/1.0\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost : a\r\n\r\n",
        "POST /a HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n",
        "POST /a HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nT: 1\n\r\n",
        "GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n",
    ]

    @Test(arguments: corpus.indices)
    func outcomeDoesNotDependOnWhereReadsAreCut(index: Int) {
        let bytes = Array(Self.corpus[index].utf8)
        let whole = parse(bytes, mode: .whole)
        for cut in 0...bytes.count {
            let twoReads = parse(bytes, readSizes: [cut, bytes.count - cut])
            #expect(twoReads.events == whole.events, "cut at \(cut)")
            #expect(twoReads.error == whole.error, "cut at \(cut)")
        }
        var generator = SplitMix64(seed: UInt64(index))
        for _ in 0..<50 {
            var sizes: [Int] = []
            var total = 0
            while total < bytes.count {
                let size = Int(generator.next() % 17)
                sizes.append(size)
                total += size
            }
            let randomReads = parse(bytes, readSizes: sizes)
            #expect(randomReads.events == whole.events, "reads \(sizes)")
            #expect(randomReads.error == whole.error, "reads \(sizes)")
        }
    }

    @Test(arguments: FeedMode.allCases)
    func failedParserKeepsFailingWithTheSameError(mode: FeedMode) {
        // The helper checks this after every error; here it is checked explicitly, with a valid request after.
        var parser = HTTPRequestParser()
        let bad = Array("GET / HTTP/1.1\r\nHost : a\r\n\r\n".utf8)
        var offset = 0
        let first = callNext(&parser, bad, offset: &offset)
        guard case .failure(let error) = first else {
            Issue.record("expected an error, got \(first)")
            return
        }
        #expect(error.status == .badRequest)
        let good = Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        for _ in 0..<3 {
            var goodOffset = 0
            #expect(callNext(&parser, good, offset: &goodOffset) == .failure(error))
        }
        #expect(parse(bad, mode: mode).error == error)
    }
}

/// A small deterministic random number generator, so that a failing cut can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
