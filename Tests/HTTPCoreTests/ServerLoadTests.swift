import HTTPCore
import Synchronization
import Testing

@Suite struct ServerLoadTests {
    @Test func fiveHundredConcurrentConnectionsAreAllAnswered() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let answered = try await offPool {
                // Open all 500 first, so they are concurrently connected, then ask on each.
                let clients = try (0..<500).map { _ in try RawClient(port: port) }
                for (index, client) in clients.enumerated() {
                    try client.send("GET /items/\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
                }
                var answered = 0
                for (index, client) in clients.enumerated() where try client.readResponse().text == "item \(index)" {
                    answered += 1
                }
                return answered
            }
            #expect(answered == 500)
        }
    }

    @Test func slowHandlerDoesNotDelayOtherConnections() async throws {
        // The slow handler holds its answer until the fast request has been answered: if the fast one had to
        // wait for the slow one, it would never be answered and the client's read would time out. No timing.
        let released = Mutex(false)
        var router = Router.testRoutes()
        router.get("/held") { _ in
            for _ in 0..<3000 where !released.withLock({ $0 }) {
                try await Task.sleep(for: .milliseconds(10))
            }
            return HTTPResponse(body: "released")
        }
        try await withServer(router: router, configure: { $0.eventLoopCount = 1 }) { _, port in
            let (fastText, slowHeldWhileFastAnswered, slowText) = try await offPool {
                let slow = try RawClient(port: port)
                try slow.send("GET /held HTTP/1.1\r\nHost: t\r\n\r\n")
                let fast = try RawClient(port: port)
                try fast.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                let fastText = try fast.readResponse().text
                let held = !released.withLock { $0 }
                released.withLock { $0 = true }
                return (fastText, held, try slow.readResponse().text)
            }
            #expect(fastText == "hello")
            #expect(slowHeldWhileFastAnswered)
            #expect(slowText == "released")
        }
    }

    @Test func connectionsBeyondTheCapAreClosedWhileTheOthersAreServed() async throws {
        try await withServer(router: .testRoutes(), configure: { $0.maxConnections = 3 }) { server, port in
            let (refusedClosed, statuses, openWhileConnected) = try await offPool {
                let admitted = try (0..<3).map { _ in try RawClient(port: port) }
                // Make sure the three are registered before the fourth arrives.
                for client in admitted {
                    try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                    _ = try client.readResponse()
                }
                let refused = try RawClient(port: port)
                let refusedClosed = try refused.isClosedByPeer()
                var statuses: [Int] = []
                for client in admitted {
                    try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                    statuses.append(try client.readResponse().status)
                }
                return (refusedClosed, statuses, server.openConnectionCount)
            }
            #expect(refusedClosed)
            #expect(statuses == [200, 200, 200])
            #expect(openWhileConnected == 3)
        }
    }
}
