import Synchronization
import Glibc
import HTTPCore
import Testing

@Suite struct ServerShutdownTests {
    @Test func shutdownLetsTheRequestInFlightFinishAndRefusesNewConnections() async throws {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: .testRoutes())
        let port = try server.start()
        let sent = SentFlag()
        async let slow = offPool {
            let client = try RawClient(port: port)
            try client.send("GET /slow/400 HTTP/1.1\r\nHost: t\r\n\r\n")
            sent.raise()
            let response = try client.readResponse()
            return (response.status, response.text, response.header("Connection"), try client.isClosedByPeer())
        }
        for _ in 0..<500 where !sent.isRaised {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(150))  // the slow request is in its handler
        async let drained: Void = server.shutdown(gracePeriod: .seconds(5))
        try await Task.sleep(for: .milliseconds(100))
        let refused = try await offPool { () -> Bool in
            do {
                _ = try RawClient(port: port)
                return false
            } catch {
                return true
            }
        }
        let (status, text, connection, closed) = try await slow
        await drained
        #expect(refused)
        #expect(status == 200)
        #expect(text == "slept 400")
        #expect(connection == "close")
        #expect(closed)
        #expect(server.port == nil)
    }

    @Test func requestsCompletingDuringTheDrainAre503WithRetryAfter() async throws {
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.drainRetryAfterSeconds = 7
        let server = HTTPServer(configuration: configuration, router: .testRoutes())
        let port = try server.start()
        // One connection has a slow request in its handler; another has sent half a request head when the
        // drain begins (at ~150 ms), and completes it well afterwards (at ~1 s, margin for a loaded machine).
        async let inFlight = offPool { () -> (Int, Bool) in
            let client = try RawClient(port: port)
            try client.send("GET /slow/2000 HTTP/1.1\r\nHost: t\r\n\r\n")
            return (try client.readResponse().status, try client.isClosedByPeer())
        }
        async let lateRequest = offPool { () -> (Int, String?, String?, String, Bool) in
            let client = try RawClient(port: port)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n")
            usleep(1_000_000)
            try client.send("\r\n")
            let response = try client.readResponse()
            return (
                response.status, response.header("Retry-After"), response.header("Connection"), response.text,
                try client.isClosedByPeer()
            )
        }
        try await Task.sleep(for: .milliseconds(150))
        async let drained: Void = server.shutdown(gracePeriod: .seconds(5))
        let late = try await lateRequest
        let (first, closed) = try await inFlight
        await drained
        #expect(late.0 == 503)
        #expect(late.1 == "7")
        #expect(late.2 == "close")
        #expect(late.3.contains("shutting down"))
        #expect(late.4)
        #expect(first == 200)  // already in its handler: finishes normally
        #expect(closed)
    }

    @Test func shutdownClosesRequestsStillRunningAfterTheGracePeriod() async throws {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: .testRoutes())
        let port = try server.start()
        let sent = SentFlag()
        async let stuck = offPool {
            let client = try RawClient(port: port)
            try client.send("GET /slow/5000 HTTP/1.1\r\nHost: t\r\n\r\n")
            sent.raise()
            return try client.isClosedByPeer()
        }
        // Shutting down before the client even connected (a loaded machine) would refuse it instead.
        for _ in 0..<500 where !sent.isRaised {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        await server.shutdown(gracePeriod: .milliseconds(200))
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(try await stuck)
    }

    @Test func runUntilSignalledReturnsAfterTheSignal() async throws {
        signal(SIGUSR2, SIG_IGN)  // a signal sent before the server listens for it must not kill the test run
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: .testRoutes())
        async let run: Void = server.runUntilSignalled(gracePeriod: .seconds(1), signals: [SIGUSR2])
        var sawRunning = false
        for _ in 0..<200 {
            if server.port != nil { sawRunning = true }
            if sawRunning && server.port == nil { break }
            if sawRunning { kill(getpid(), SIGUSR2) }
            try await Task.sleep(for: .milliseconds(20))
        }
        try await run
        #expect(sawRunning)
        #expect(server.port == nil)
    }
}

/// Raised by a client thread once its request is on the wire.
final class SentFlag: Sendable {
    private let raised = Atomic(false)
    var isRaised: Bool { raised.load(ordering: .acquiring) }
    func raise() { raised.store(true, ordering: .releasing) }
}
