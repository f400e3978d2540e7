/// An incremental HTTP/1.1 (and 1.0) request parser with limits, working in place on the caller's read buffer.
///
/// The caller (a connection) keeps one parser per connection and calls `next(_:offset:)` until it returns nil, then
/// reads more bytes. The parser copies only what the head keeps (method, target, field names and values) and hands
/// out body bytes as index ranges into the caller's buffer. It enforces the message syntax and the request-smuggling
/// rules of RFC 9112; on the first error it throws an `HTTPParseError` and is finished: the server answers that
/// status once and closes the connection.
public struct HTTPRequestParser: Sendable {
    public let configuration: HTTPParserConfiguration

    /// Body limit for the current request, in body bytes. Starts at `configuration.defaultBodyLimit` for every new
    /// request (it is reset when `.head` is returned); the server may change it after receiving `.head` (per-route
    /// limits) before calling `next` again. A Content-Length over it is 413 on the call right after `.head`, before
    /// any body byte is consumed; a chunked body is 413 as soon as a chunk size would take the total over it.
    public var bodyLimit: Int

    var state: State
    var scan: HTTPSectionScan
    var head: HTTPHeadBuilder

    // The chunked body decoder (RFC 9112 §7.1), meaningful in `.chunked`.
    var chunkPhase: ChunkPhase = .size
    /// The chunk size being read (in `.size`), or the data bytes left in the current chunk (in `.data`).
    var chunkValue = 0
    /// Hex digits read of the current chunk size.
    var chunkDigits = 0
    /// Extension bytes read on the current chunk-size line.
    var chunkExtensionLength = 0
    /// Whether the `;` that starts a chunk extension was seen on the current chunk-size line.
    var chunkExtensionStarted = false
    /// Body bytes announced by the chunk sizes of the current request so far.
    var bodyTotal = 0

    enum State: Sendable {
        /// Reading a head; nothing of it is consumed until it is complete.
        case head
        /// `.head` was returned; the next call checks the body limit and starts the body.
        case bodyStart(HTTPBodyFraming)
        /// Reading a Content-Length body; this many bytes are still to come.
        case fixedBody(remaining: Int)
        /// Reading a chunked body (see `chunkPhase`).
        case chunked
        /// Reading the trailer section after the last chunk; nothing of it is consumed until it is complete.
        case trailers
        /// The body is complete; the next call returns `.end`.
        case endPending
        /// An error was thrown; every later call throws it again.
        case failed(HTTPParseError)
    }

    enum ChunkPhase: Sendable {
        /// Reading the hex digits of a chunk size.
        case size
        /// Reading a chunk extension, up to the CR that ends the chunk-size line.
        case chunkExtension
        /// The CR of a chunk-size line was read; its LF must follow.
        case sizeLineFeed
        /// Reading chunk data; `chunkValue` bytes are left.
        case data
        /// The chunk data is complete; its CR must follow.
        case dataCarriageReturn
        /// The CR after chunk data was read; its LF must follow.
        case dataLineFeed
    }

    public init(configuration: HTTPParserConfiguration = .init()) {
        self.configuration = configuration
        bodyLimit = configuration.defaultBodyLimit
        state = .head
        scan = .head
        head = HTTPHeadBuilder()
    }

    /// Parses from `bytes[offset...]`, advancing `offset` past what it consumed, and returns the next event, or nil
    /// when it needs more input.
    ///
    /// Bytes not consumed must be presented again on the next call at the new `offset`, followed by newly received
    /// bytes; the caller may move them (compact its buffer) between calls, since the parser keeps only positions
    /// relative to `offset`. A `.body` range is valid for this call's buffer only. A request without a body yields
    /// `.head` and then `.end`, the `.end` even when no bytes remain. After a thrown error, every call throws it again.
    public mutating func next(
        _ bytes: UnsafeRawBufferPointer,
        offset: inout Int
    ) throws(HTTPParseError) -> HTTPParserEvent? {
        do {
            return try step(bytes, offset: &offset)
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step(
        _ bytes: UnsafeRawBufferPointer,
        offset: inout Int
    ) throws(HTTPParseError) -> HTTPParserEvent? {
        switch state {
        case .head:
            return try parseSection(bytes, offset: &offset, isTrailer: false)
        case .bodyStart(let framing):
            return try startBody(framing, bytes, offset: &offset)
        case .fixedBody(let remaining):
            return readFixedBody(remaining: remaining, bytes, offset: &offset)
        case .chunked:
            return try parseChunked(bytes, offset: &offset)
        case .trailers:
            return try parseSection(bytes, offset: &offset, isTrailer: true)
        case .endPending:
            return finishRequest()
        case .failed(let error):
            throw error
        }
    }

    private mutating func startBody(
        _ framing: HTTPBodyFraming,
        _ bytes: UnsafeRawBufferPointer,
        offset: inout Int
    ) throws(HTTPParseError) -> HTTPParserEvent? {
        switch framing {
        case .none:
            return finishRequest()
        case .contentLength(let length):
            // Checked before any body byte is read, so the server can answer 413 without reading the body (and,
            // with `Expect: 100-continue`, without sending 100).
            guard length <= bodyLimit else {
                throw HTTPParseError(status: .contentTooLarge, reason: "Request body is larger than allowed")
            }
            guard length > 0 else { return finishRequest() }
            state = .fixedBody(remaining: length)
            return readFixedBody(remaining: length, bytes, offset: &offset)
        case .chunked:
            state = .chunked
            chunkPhase = .size
            chunkValue = 0
            chunkDigits = 0
            bodyTotal = 0
            return try parseChunked(bytes, offset: &offset)
        }
    }

    private mutating func readFixedBody(
        remaining: Int,
        _ bytes: UnsafeRawBufferPointer,
        offset: inout Int
    ) -> HTTPParserEvent? {
        let available = bytes.count - offset
        guard available > 0 else { return nil }
        let taken = min(available, remaining)
        let range = offset..<(offset + taken)
        offset += taken
        state = taken == remaining ? .endPending : .fixedBody(remaining: remaining - taken)
        return .body(range)
    }

    /// Ends the current request; the next call starts on a new head.
    mutating func finishRequest() -> HTTPParserEvent {
        state = .head
        scan = .head
        return .end
    }
}
