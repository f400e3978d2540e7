/// What one call of `HTTPRequestParser.next(_:offset:)` found.
public enum HTTPParserEvent: Sendable, Equatable {
    /// The request line and header section of a new request, validated and with its body framing decided.
    case head(HTTPRequestHead)
    /// Body bytes of the current request, as indices into the buffer passed to this very call (valid only until the
    /// buffer changes). Chunked framing is already removed.
    case body(Range<Int>)
    /// The current request (head and whole body) is complete; the next call parses the next pipelined request.
    case end
}
