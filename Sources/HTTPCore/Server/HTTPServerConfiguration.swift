import Glibc

/// Every limit and timeout of the server, with defaults chosen for an incident desk that must stay up
/// while the systems around it fail (floods of alerts, slow or hostile clients).
public struct HTTPServerConfiguration: Sendable {
    /// Address to listen on: `127.0.0.1` by default (not exposed until asked), `0.0.0.0` or `::` for all.
    public var host = "127.0.0.1"
    /// Port to listen on; 0 picks a free one (see `HTTPServer.port`).
    public var port = 8080
    /// Event loop threads; one per core keeps every core busy without context switches.
    public var eventLoopCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    /// Pending connections the kernel queues per listener before refusing.
    public var backlog: Int32 = 1024
    /// Open connections beyond which new ones are accepted and closed at once, so that a flood cannot
    /// exhaust descriptors or memory while existing clients keep being served.
    public var maxConnections = 1024
    /// Limits of the request parser (line, header section, body default).
    public var parser = HTTPParserConfiguration()
    /// Time to receive a complete request head from its first byte; defeats slowloris.
    public var headerReadTimeout: Duration = .seconds(10)
    /// Time to receive a complete request body after its head; a client trickling a body is cut off.
    public var bodyReadTimeout: Duration = .seconds(30)
    /// Idle time allowed between requests on a keep-alive connection.
    public var keepAliveTimeout: Duration = .seconds(60)
    /// Time a connection may go without accepting any of our pending output (a client that stopped reading).
    public var writeTimeout: Duration = .seconds(30)
    /// After an error response, how long unread input is drained before closing, so the client reads the
    /// answer instead of a reset.
    public var lingerTimeout: Duration = .seconds(2)
    /// How often each loop checks its connections' deadlines; timeouts fire up to this much late.
    public var timerResolution: Duration = .milliseconds(250)
    /// Per-loop read buffer, shared by its connections (idle connections hold no buffer of their own).
    public var readBufferSize = 64 * 1024
    /// Input buffered while a request is in its handler (pipelining) before reading pauses.
    public var maxBufferedInput = 64 * 1024
    /// Unsent output above which a stream writer suspends (backpressure), and below which it resumes.
    public var streamHighWaterMark = 64 * 1024
    /// Unsent output per connection above which the server stops reading from it and stops answering the
    /// pipelined requests it already holds, until the client has taken the output down to half of this.
    /// Bounds the memory a client that pipelines requests without reading the answers can make us spend.
    public var maxUnsentOutput = 256 * 1024
    /// While the server shuts down, a request that completes after the drain began is not handed to its
    /// handler: it is answered 503 with this `Retry-After` (seconds) and the connection closed, so senders
    /// retry against the restarted server instead of racing the shutdown. Requests already in their
    /// handlers finish normally.
    public var drainRetryAfterSeconds = 5
    /// The value of the `Server` header.
    public var serverName = "klaxon"
    /// Default `X-Request-Id`: every answer carries this header naming its request, so a client's report and
    /// the server's log lines can be matched. A client's own value is kept when it is usable (1 to 128 visible
    /// ASCII characters, no spaces: what a proxy or tracing header carries); otherwise the server makes one up,
    /// unique within the process and unlikely to repeat across restarts. Handlers see it as
    /// ``HTTPRequest/requestID`` and the access log as ``AccessLogEntry/requestID``. Nil: no identifiers.
    public var requestIDHeader: String? = "X-Request-Id"
    /// Called once per answered request on the loop thread; keep it cheap. Nil: no entries are built.
    public var accessLog: (@Sendable (AccessLogEntry) -> Void)?

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    /// Why `host` cannot be listened on (it does not resolve to an address), or nil; checked without
    /// opening a socket, so that a command can refuse a typo before it does anything else.
    public func listenAddressProblem() -> String? {
        do {
            _ = try SocketAddress.resolve(host: host, port: port)
            return nil
        } catch {
            return "not an address or host name this machine resolves"
        }
    }
}
