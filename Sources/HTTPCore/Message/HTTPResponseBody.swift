/// A response body: bytes known in full, or a stream the handler keeps writing to over time.
public enum HTTPResponseBody: Sendable, ExpressibleByStringLiteral {
    /// The whole body; sent with `Content-Length`.
    case bytes([UInt8])
    /// A body produced over time (Server-Sent Events, large exports): the closure writes to the writer
    /// until it returns. Sent chunked to HTTP/1.1 clients and close-delimited to HTTP/1.0 ones. Not run
    /// for HEAD requests.
    case stream(@Sendable (HTTPBodyWriter) async throws -> Void)

    public static var empty: HTTPResponseBody { .bytes([]) }

    public init(stringLiteral value: String) {
        self = .bytes(Array(value.utf8))
    }

    /// A UTF-8 text body.
    public static func string(_ text: String) -> HTTPResponseBody {
        .bytes(Array(text.utf8))
    }
}
