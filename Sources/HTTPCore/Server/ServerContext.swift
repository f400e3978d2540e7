import Glibc
import Logging
import Synchronization

/// What every event loop of one server shares: configuration, router, logger, and the count of open
/// connections across loops (for the connection cap and for draining).
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let router: Router
    let logger: Logger
    let openConnections = Atomic<Int>(0)
    /// The most unsent output any one connection has held; lets tests check the output bound.
    let peakUnsentOutput = Atomic<Int>(0)
    let serverLine: [UInt8]
    /// Drawn at start; loop N prefixes its made-up request identifiers with this plus N.
    let requestIDBase = UInt32.random(in: .min ... .max)

    let headerReadTimeout: UInt64
    let bodyReadTimeout: UInt64
    let keepAliveTimeout: UInt64
    let writeTimeout: UInt64
    let lingerTimeout: UInt64
    let timerResolution: UInt64

    init(configuration: HTTPServerConfiguration, router: Router, logger: Logger) {
        self.configuration = configuration
        self.router = router
        self.logger = logger
        serverLine = Array("Server: \(configuration.serverName)\r\n".utf8)
        headerReadTimeout = Self.nanoseconds(configuration.headerReadTimeout)
        bodyReadTimeout = Self.nanoseconds(configuration.bodyReadTimeout)
        keepAliveTimeout = Self.nanoseconds(configuration.keepAliveTimeout)
        writeTimeout = Self.nanoseconds(configuration.writeTimeout)
        lingerTimeout = Self.nanoseconds(configuration.lingerTimeout)
        timerResolution = max(1_000_000, Self.nanoseconds(configuration.timerResolution))
    }

    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }

    /// Records `unsent` bytes held by one connection if it is the most so far. Called only when output is
    /// left unsent, so the common path pays nothing.
    func noteUnsentOutput(_ unsent: Int) {
        var peak = peakUnsentOutput.load(ordering: .relaxed)
        while unsent > peak {
            let (exchanged, original) = peakUnsentOutput.compareExchange(
                expected: peak, desired: unsent, ordering: .relaxed)
            if exchanged { return }
            peak = original
        }
    }

    /// Monotonic time in nanoseconds, precise (used for access-log durations).
    static func preciseNow() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
