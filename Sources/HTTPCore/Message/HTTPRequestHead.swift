/// How the body of a request is delimited, decided from its header section (RFC 9112 §6.3).
public enum HTTPBodyFraming: Hashable, Sendable {
    /// No body: neither Content-Length nor Transfer-Encoding was sent.
    case none
    /// Exactly this many bytes follow the header section.
    case contentLength(Int)
    /// A chunked body follows; its length is known only at its end.
    case chunked
}

/// The request line and header section of one request, validated by the parser.
public struct HTTPRequestHead: Sendable, Equatable {
    public var method: HTTPMethod
    /// The request-target in origin form (path and optional query) as sent, or `*` (OPTIONS only). An absolute-form
    /// target (`http://host/path`) arrives reduced to its path and query, its authority in the Host field.
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var framing: HTTPBodyFraming
    /// Whether the connection may carry another request after this one (HTTP/1.1 default, or
    /// HTTP/1.0 with `Connection: keep-alive`; false with `Connection: close`).
    public var keepAlive: Bool
    /// Whether the client sent `Expect: 100-continue` and waits for an interim answer.
    public var expectsContinue: Bool

    public init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion,
        headers: HTTPHeaders,
        framing: HTTPBodyFraming,
        keepAlive: Bool,
        expectsContinue: Bool
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.framing = framing
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
    }

    /// The path part of the target, before any `?`, still percent-encoded.
    public var rawPath: Substring {
        if let question = target.firstIndex(of: "?") {
            return target[..<question]
        }
        return target[...]
    }

    /// The query part of the target, after the first `?`, or nil.
    public var rawQuery: Substring? {
        guard let question = target.firstIndex(of: "?") else { return nil }
        return target[target.index(after: question)...]
    }
}
