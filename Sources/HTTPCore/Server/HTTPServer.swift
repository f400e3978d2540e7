import Glibc
import Logging
import Synchronization

/// An HTTP/1.1 server on non-blocking sockets and epoll: one event loop thread per core, each with its
/// own listener and connections; handlers run in Swift concurrency (or inline on the loop, see
/// `RouteHandler.inline`).
///
/// ```swift
/// var router = Router()
/// router.get("/hello") { _ in HTTPResponse(body: "hello") }
/// let server = HTTPServer(configuration: .init(port: 0), router: router)
/// let port = try server.start()
/// ...
/// await server.shutdown(gracePeriod: .seconds(10))
/// ```
public final class HTTPServer: Sendable {
    private enum State {
        case idle
        case running(loops: [EventLoop], threads: [pthread_t], port: Int)
        case stopping(port: Int)
        case stopped
    }

    let context: ServerContext
    private let state = Mutex(State.idle)
    private let drainHandlers = Mutex<[@Sendable () -> Void]>([])

    public init(configuration: HTTPServerConfiguration, router: Router, logger: Logger = Logger(label: "klaxon.http")) {
        context = ServerContext(configuration: configuration, router: router, logger: logger)
    }

    public var configuration: HTTPServerConfiguration { context.configuration }

    /// The port the server listens on (the one picked when configured with port 0), or nil before
    /// `start()` and after shutdown.
    public var port: Int? {
        state.withLock { state in
            switch state {
            case .running(_, _, let port), .stopping(let port): port
            case .idle, .stopped: nil
            }
        }
    }

    /// Open client connections right now, across all loops.
    public var openConnectionCount: Int { context.openConnections.load(ordering: .relaxed) }

    /// The most unsent output any one connection has held so far (for tests of the output bound).
    var peakUnsentOutput: Int { context.peakUnsentOutput.load(ordering: .relaxed) }

    /// Registers work to run when shutdown begins, before in-flight requests are waited for: ending
    /// long-lived streams (Server-Sent Events) whose producers would otherwise hold the drain for the whole
    /// grace period.
    public func onDrain(_ handler: @escaping @Sendable () -> Void) {
        drainHandlers.withLock { $0.append(handler) }
    }

    /// Binds the listeners and starts the event loop threads. Returns the bound port.
    @discardableResult
    public func start() throws(HTTPServerError) -> Int {
        let configuration = context.configuration
        guard configuration.eventLoopCount >= 1 else {
            throw .invalidConfiguration("eventLoopCount must be at least 1")
        }
        guard (0...65535).contains(configuration.port) else { throw .invalidConfiguration("port must be 0...65535") }
        return try state.withLock { state throws(HTTPServerError) -> Int in
            guard case .idle = state else { throw .alreadyStarted }
            var loops: [EventLoop] = []
            let port: Int
            do throws(SocketError) {
                let reusePort = configuration.eventLoopCount > 1
                if reusePort && configuration.port != 0 {
                    // SO_REUSEPORT would let us share a port another process already listens on (and
                    // silently split its clients with it). A plain bind fails if anyone listens there.
                    try Socket.listen(host: configuration.host, port: configuration.port, reusePort: false, backlog: 1)
                        .close()
                }
                let first = try Socket.listen(
                    host: configuration.host, port: configuration.port, reusePort: reusePort,
                    backlog: configuration.backlog)
                port = try first.localPort()
                loops.append(try EventLoop(index: 0, context: context, listener: first))
                for index in 1..<configuration.eventLoopCount {
                    let listener = try Socket.listen(
                        host: configuration.host, port: port, reusePort: true, backlog: configuration.backlog)
                    loops.append(try EventLoop(index: index, context: context, listener: listener))
                }
            } catch {
                throw .socket(error)
            }
            let threads = loops.map { loop in LoopThread.start(name: "klaxon-loop-\(loop.index)") { loop.run() } }
            state = .running(loops: loops, threads: threads, port: port)
            context.logger.debug(
                "HTTP server listening",
                metadata: ["host": "\(configuration.host)", "port": "\(port)", "loops": "\(loops.count)"]
            )
            return port
        }
    }

    /// Stops accepting (new connections are refused), closes idle connections, lets requests in flight
    /// finish and their answers be sent for up to `gracePeriod`, then closes everything and ends the loop
    /// threads. Returns once they have ended. Calling it again, or before `start()`, does nothing.
    public func shutdown(gracePeriod: Duration = .seconds(10)) async {
        let running: ([EventLoop], [pthread_t])? = state.withLock { state in
            guard case .running(let loops, let threads, let port) = state else { return nil }
            state = .stopping(port: port)
            return (loops, threads)
        }
        guard let (loops, threads) = running else { return }
        context.logger.debug("HTTP server draining", metadata: ["open-connections": "\(openConnectionCount)"])
        for loop in loops { loop.enqueue(.drain) }
        for handler in drainHandlers.withLock({ $0 }) { handler() }
        let deadline = ContinuousClock.now.advanced(by: gracePeriod)
        while openConnectionCount > 0 && ContinuousClock.now < deadline && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(5))
        }
        if openConnectionCount > 0 {
            context.logger.warning(
                "grace period over: closing the connections still open",
                metadata: ["open-connections": "\(openConnectionCount)", "grace-period": "\(gracePeriod)"])
        }
        for loop in loops { loop.enqueue(.stop) }
        for loop in loops {
            while !loop.finished.load(ordering: .acquiring) {
                try? await Task.sleep(for: .milliseconds(2))
                if Task.isCancelled { usleep(2000) }
            }
        }
        for thread in threads { pthread_join(thread, nil) }
        state.withLock { $0 = .stopped }
        context.logger.debug("HTTP server stopped")
    }
}
