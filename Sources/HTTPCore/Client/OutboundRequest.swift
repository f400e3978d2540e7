/// One plain-HTTP request the outbound client sends: to `host` (resolved once) on `port`, with `target` as
/// the request line's path and query. The client adds `Host`, `Content-Length` and `Connection: close`.
public struct OutboundRequest: Sendable {
    public var method: String
    public var host: String
    public var port: Int
    /// Origin form: `/hooks/alice?x=1`.
    public var target: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(
        method: String = "POST", host: String, port: Int, target: String, headers: [(name: String, value: String)],
        body: [UInt8]
    ) {
        self.method = method
        self.host = host
        self.port = port
        self.target = target
        self.headers = headers
        self.body = body
    }
}

/// What came back: the status and at most `maxBodySize` bytes of the body.
public struct OutboundResponse: Sendable {
    public var status: Int
    public var body: [UInt8]
    /// True when the body was longer than the cap and was cut.
    public var truncated: Bool

    public init(status: Int, body: [UInt8], truncated: Bool) {
        self.status = status
        self.body = body
        self.truncated = truncated
    }
}

/// Why an outbound request failed; the description is what the delivery's attempt records.
public enum OutboundError: Error, Sendable, CustomStringConvertible, Equatable {
    case resolution(host: String, reason: String)
    /// The vetting closure refused the resolved address (the SSRF guard).
    case refused(host: String, address: String, reason: String)
    case connect(address: String, reason: String)
    case timeout(phase: String, seconds: Double)
    case io(String)
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .resolution(let host, let reason): "cannot resolve \(host): \(reason)"
        case .refused(let host, let address, let reason):
            "destination refused: \(host) is \(address), \(reason); allow it with --allow-private-destinations"
        case .connect(let address, let reason): "cannot connect to \(address): \(reason)"
        case .timeout(let phase, let seconds): "timed out after \(seconds) s (\(phase))"
        case .io(let reason): reason
        case .malformedResponse(let reason): "malformed answer: \(reason)"
        }
    }
}
