import Dispatch
import Glibc

extension HTTPServer {
    /// Starts the server if needed, serves until the process receives one of `signals` (SIGTERM and
    /// SIGINT by default), then shuts down gracefully and returns — so an executable can simply exit 0.
    /// The signals' default actions are replaced for the rest of the process's life.
    public func runUntilSignalled(
        gracePeriod: Duration = .seconds(10),
        signals: [Int32] = [SIGTERM, SIGINT]
    ) async throws(HTTPServerError) {
        if port == nil { try start() }
        let received = await Self.waitForSignal(signals)
        context.logger.debug("signal received; shutting down", metadata: ["signal": "\(received)"])
        await shutdown(gracePeriod: gracePeriod)
    }

    private static func waitForSignal(_ signals: [Int32]) async -> Int32 {
        let (received, continuation) = AsyncStream<Int32>.makeStream()
        let sources = signals.map { number in
            signal(number, SIG_IGN)  // the dispatch source sees the signal; the default action must not run
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        var iterator = received.makeAsyncIterator()
        let number = await iterator.next() ?? SIGTERM
        for source in sources { source.cancel() }
        return number
    }
}
