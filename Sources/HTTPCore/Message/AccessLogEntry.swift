/// One answered request, handed to `HTTPServerConfiguration.accessLog`.
public struct AccessLogEntry: Sendable {
    public var method: HTTPMethod
    /// The request path without its query string (which may carry tokens), still percent-encoded. Paths can
    /// carry secrets too (an integration key in an ingestion URL): log `route` where there is one.
    public var path: String
    /// The pattern of the route that answered (`/api/v1/integrations/alertmanager/:integration_key`), so a log
    /// line names the operation without the parameter values; nil when no route matched (404, 405, the
    /// fallback handler such as static files).
    public var route: String?
    public var status: HTTPStatus
    /// Bytes of the response sent (head and body; for streams, the total written).
    public var bytesSent: Int
    /// From the complete request head to the response being handed to the socket.
    public var duration: Duration
    public var remoteAddress: String?
    /// The identifier the answer carried (``HTTPServerConfiguration/requestIDHeader``).
    public var requestID: String?
}

extension AccessLogEntry {
    /// What a log line should name: the route pattern, else (no route matched: 404, 405, static files) the
    /// path cut after its first three segments (`/api/v1/integrations/…`), so that a credential further down a
    /// path that matched nothing (a key sent with the wrong method, a trailing slash) is not written either.
    public var loggablePath: String {
        route ?? Self.cut(path)
    }

    /// `path` cut after its first three segments (`/api/v1/integrations/…`): what may be shown of a path that
    /// matched no route.
    public static func cut(_ path: some StringProtocol) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.count <= 3 { return String(path) }
        return "/" + segments.prefix(3).joined(separator: "/") + "/…"
    }
}
