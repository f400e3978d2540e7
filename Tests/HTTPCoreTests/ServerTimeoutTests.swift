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

    @Test func bodyThatStopsArrivingIsCutOffAfterTheBodyTimeout() async throws {
        try await withServer(
            router: .testRoutes(),
            configure: {
                $0.bodyReadTimeout = .milliseconds(400)
                $0.timerResolution = .milliseconds(50)
            }
        ) { _, port in
            let text = try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
                return String(decoding: try client.readToEnd(), as: UTF8.self)
            }
            #expect(text.hasPrefix("HTTP/1.1 408"))
        }
    }

    @Test func clientThatStopsReadingIsClosedAfterTheWriteTimeout() async throws {
        var router = Router()
        let big = [UInt8](repeating: 0x62, count: 32 * 1024 * 1024)
        router.get("/big") { _ in HTTPResponse(body: .bytes(big)) }
        try await withServer(
            router: router,
            configure: {
                $0.writeTimeout = .milliseconds(300)
                $0.timerResolution = .milliseconds(50)
            }
        ) { server, port in
            let closed = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
                // Never read: the kernel buffers fill, the server cannot send, and must give up.
                for _ in 0..<100 {
                    if server.openConnectionCount == 0 { return true }
                    usleep(50_000)
                }
                return false
            }
            #expect(closed)
        }
    }
}
