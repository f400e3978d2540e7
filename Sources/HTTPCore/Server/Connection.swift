/// The state of one client connection. Owned and touched only by its event loop's thread.
final class Connection {
    enum Phase {
        /// Between requests (keep-alive), no byte of the next one yet.
        case idle
        /// Some bytes of a request head arrived; the header timeout runs from the first.
        case readingHead
        /// The head is complete; the body is arriving.
        case readingBody
        /// The request is with an async handler; input is buffered, not parsed.
        case handling
        /// A streamed response body is being written.
        case streaming
        /// The last response is queued; the connection closes once it is sent.
        case closing
        /// Our side is shut down after an error answer; input is drained until EOF or the linger timeout.
        case lingering
    }

    /// What answers the request being read.
    enum Target {
        case handler(RouteHandler, HTTPPathParameters)
        case response(HTTPResponse)
    }

    let socket: Socket
    let descriptor: Int32
    let id: UInt64
    let remoteAddress: String
    var parser: HTTPRequestParser
    var phase = Phase.idle
    /// Monotonic nanoseconds at which the current phase times out; 0 for none.
    var deadline: UInt64 = 0
    /// Monotonic nanoseconds by which some unsent output must be taken by the peer; 0 when none is unsent.
    var writeDeadline: UInt64 = 0
    var interest: Poller.Interest = .readable
    /// Too much input is buffered behind the request in flight: the socket is not read.
    var readingPaused = false
    /// Unsent output passed `maxUnsentOutput`: neither reading nor answering buffered requests until the
    /// client takes it down to half.
    var awaitingDrain = false
    var peerClosed = false
    /// After the final response: drain input before closing (error answers), or close at once.
    var lingerOnClose = false

    /// Received bytes not yet parsed (a partial head, or pipelined requests behind an async one).
    var pendingInput: [UInt8] = []
    /// Output the kernel has not taken yet, from `outputOffset` on.
    var output: [UInt8] = []
    var outputOffset = 0

    var head: HTTPRequestHead?
    var target: Target?
    var body: [UInt8] = []
    var keepsBody = false
    var requestStart: UInt64 = 0
    /// The current request's identifier (``HTTPServerConfiguration/requestIDHeader``), from its head on.
    var requestID: String?
    /// The matched route's pattern, for the access log.
    var routePattern: String?

    var streamFraming = ResponseEncoder.Framing.none
    var streamKeepAlive = false
    var streamStatus = HTTPStatus.ok
    var streamBytes = 0
    var waitingWriter: CheckedContinuation<Bool, Never>?
    var task: Task<Void, Never>?

    init(socket: Socket, id: UInt64, remoteAddress: String, parser: HTTPRequestParser) {
        self.socket = socket
        descriptor = socket.descriptor
        self.id = id
        self.remoteAddress = remoteAddress
        self.parser = parser
    }

    var unsentCount: Int { output.count - outputOffset }
}

@available(*, unavailable)
extension Connection: Sendable {}
