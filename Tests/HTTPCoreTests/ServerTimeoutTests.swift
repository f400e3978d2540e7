import Glibc
import HTTPCore
import Testing

@Suite struct ServerTimeoutTests {
    @Test func headerCompletedWithinTheTimeoutIsServed() async throws {
        try await withServer(router: .testRoutes(), configure: { $0.headerReadTimeout = .milliseconds(800) }) {
            _, port in
            let response = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /hello HTTP/1.1\r\n")
                usleep(200_000)
                try client.send("Host: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 200)
        }
    }

    @Test func halfAHeaderThenSilenceIsClosedAfterTheHeaderTimeout() async throws {
        try await withServer(
            router: .testRoutes(),
            configure: {
                $0.headerReadTimeout = .milliseconds(500)
                $0.timerResolution = .milliseconds(50)
            }
        ) { _, port in
            let (bytes, elapsed) = try await offPool {
                let client = try RawClient(port: port, receiveTimeout: 5)
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow")
                let start = ContinuousClock.now
                let bytes = try client.readToEnd()
                return (String(decoding: bytes, as: UTF8.self), ContinuousClock.now - start)
            }
            #expect(bytes.hasPrefix("HTTP/1.1 408"))
            #expect(elapsed >= .milliseconds(400))
            #expect(elapsed < .seconds(3))
        }
    }

    @Test func idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await withServer(
            router: .testRoutes(),
            configure: {
                $0.keepAliveTimeout = .milliseconds(300)
                $0.timerResolution = .milliseconds(50)
            }
        ) { _, port in
            let (status, closed) = try await offPool {
                let client = try RawClient(port: port, receiveTimeout: 3)
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                let status = try client.readResponse().status
                return (status, try client.isClosedByPeer())
            }
            #expect(status == 200)
            #expect(closed)
        }
    }
}
