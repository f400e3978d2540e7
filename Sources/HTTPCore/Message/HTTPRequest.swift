/// A complete request as a handler sees it: the head, the whole body, the route's path parameters
/// and the peer's address.
public struct HTTPRequest: Sendable {
    public var head: HTTPRequestHead
    /// The request body, de-chunked; empty when none was sent.
    public var body: [UInt8]
    /// Values of the matched route's `:name` segments, percent-decoded.
    public var pathParameters: HTTPPathParameters
    /// The peer as `host:port` (`[host]:port` for IPv6), when known.
    public var remoteAddress: String?
    /// The identifier the answer will carry (``HTTPServerConfiguration/requestIDHeader``), for log lines about
    /// this request; nil when the server gives none.
    public var requestID: String?

    public init(
        head: HTTPRequestHead,
        body: [UInt8] = [],
        pathParameters: HTTPPathParameters = HTTPPathParameters(),
        remoteAddress: String? = nil
    ) {
        self.head = head
        self.body = body
        self.pathParameters = pathParameters
        self.remoteAddress = remoteAddress
    }

    public var method: HTTPMethod { head.method }
    public var headers: HTTPHeaders { head.headers }
    /// The path, still percent-encoded and without the query string.
    public var path: Substring { head.rawPath }
    /// The query string's items, percent-decoded (`+` as space). Parsed on each access.
    public var query: HTTPQuery { HTTPQuery(parsing: head.rawQuery ?? "") }
}
