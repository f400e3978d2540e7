/// One answered request, handed to `HTTPServerConfiguration.accessLog`.
public struct AccessLogEntry: Sendable {
    public var method: HTTPMethod
    /// The request path without its query string (which may carry tokens), still percent-encoded.
    public var path: String
    public var status: HTTPStatus
    /// Bytes of the response sent (head and body; for streams, the total written).
    public var bytesSent: Int
    /// From the complete request head to the response being handed to the socket.
    public var duration: Duration
    public var remoteAddress: String?
}
