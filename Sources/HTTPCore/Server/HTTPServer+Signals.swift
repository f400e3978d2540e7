import Dispatch
import Glibc

extension HTTPServer {
    /// Serves until the process receives one of `signals` (SIGTERM and SIGINT by default), then shuts down
    /// gracefully and returns — so an executable can simply exit 0. The signal handlers are installed
    /// before the server starts (if it was not started yet), so no signal can arrive unhandled once
    /// clients can connect; `onStarted` gets the bound port. The signals' default actions are replaced
    /// for the rest of the process's life.
    public func runUntilSignalled(
        gracePeriod: Duration = .seconds(10),
        signals: [Int32] = [SIGTERM, SIGINT],
        onStarted: (Int) -> Void = { _ in }
    ) async throws(HTTPServerError) {
        let (received, continuation) = AsyncStream<Int32>.makeStream()
        let sources = signals.map { number in
            signal(number, SIG_IGN)  // the dispatch source sees the signal; the default action must not run
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
        }
        let boundPort: Int
        if let running = port {
            boundPort = running
        } else {
            boundPort = try start()
        }
        onStarted(boundPort)
        var iterator = received.makeAsyncIterator()
        let number = await iterator.next() ?? SIGTERM
        let name = number == SIGTERM ? "SIGTERM" : number == SIGINT ? "SIGINT" : "signal \(number)"
        context.logger.notice(
            "\(name) received: accepting no new connections, letting requests in progress finish",
            metadata: ["open-connections": "\(openConnectionCount)", "grace-period": "\(gracePeriod)"])
        await shutdown(gracePeriod: gracePeriod)
    }
}
