import Testing

@testable import HTTPCore

@Suite struct ServerRequestTests {
    @Test func portZeroPicksAPortAndReportsIt() async throws {
        try await withServer(router: .testRoutes()) { server, port in
            #expect(port > 0)
            #expect(server.port == port)
        }
    }

    @Test func secondServerOnATakenPortFailsToStart() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: port)
            configuration.eventLoopCount = 2
            let second = HTTPServer(configuration: configuration, router: .testRoutes())
            #expect(throws: HTTPServerError.self) { try second.start() }
        }
    }

    @Test func keepAliveServesTwoRequestsOnOneConnection() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (first, second) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n")
                let first = try client.readResponse()
                try client.send("GET /inline HTTP/1.1\r\nHost: test\r\n\r\n")
                return (first, try client.readResponse())
            }
            #expect(first.status == 200)
            #expect(first.text == "hello")
            #expect(first.header("Server") == "klaxon")
            #expect(first.header("Date")?.hasSuffix(" GMT") == true)
            #expect(first.header("Content-Length") == "5")
            #expect(first.header("Connection") == nil)
            #expect(second.text == "inline")
        }
    }

    @Test func threePipelinedRequestsInOneWriteAreAnsweredInOrder() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let texts = try await offPool {
                let client = try RawClient(port: port)
                // A slow async request first: the two behind it must wait for it, not overtake it.
                try client.send(
                    "GET /slow/100 HTTP/1.1\r\nHost: t\r\n\r\nGET /inline HTTP/1.1\r\nHost: t\r\n\r\n"
                        + "GET /items/7 HTTP/1.1\r\nHost: t\r\n\r\n"
                )
                return try (0..<3).map { _ in try client.readResponse().text }
            }
            #expect(texts == ["slept 100", "inline", "item 7"])
        }
    }

    @Test func headAnswersWithGETHeadersAndNoBody() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (head, next) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /inline HTTP/1.1\r\nHost: t\r\n\r\n")
                return (try client.readResponse(head: true), try client.readResponse())
            }
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "5")
            #expect(head.header("Content-Type") == "text/plain")
            // Had the HEAD answer carried a body, it would be read here as the next status line.
            #expect(next.text == "inline")
        }
    }

    @Test func unknownPathIs404AndWrongMethodIs405WithAllow() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (missing, wrongMethod) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n")
                let missing = try client.readResponse()
                try client.send("DELETE /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                return (missing, try client.readResponse())
            }
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "application/problem+json")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "GET, HEAD")
            #expect(
                String(decoding: wrongMethod.body, as: UTF8.self).contains(#""detail":"This path takes only GET, HEAD"#)
            )
        }
    }

    @Test func queryIsPercentDecodedWithPlusAsSpace() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let response = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /echo-query?q=disk+full&tag=a%26b&empty HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.text == "q=disk full|tag=a&b|empty=")
        }
    }

    @Test func pathParameterIsPercentDecoded() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let response = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /items/a%20b HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.text == "item a b")
        }
    }

    @Test func thrownHandlerErrorIsAnOpaque500() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (failure, after) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /fails HTTP/1.1\r\nHost: t\r\n\r\n")
                let failure = try client.readResponse()
                try client.send("GET /inline HTTP/1.1\r\nHost: t\r\n\r\n")
                return (failure, try client.readResponse())
            }
            #expect(failure.status == 500)
            #expect(failure.header("Content-Type") == "application/problem+json")
            #expect(!failure.text.contains("TestFailure"))
            #expect(after.status == 200)  // the connection survives a handler error
        }
    }

    @Test func parseErrorIsAnsweredOnceThenTheConnectionCloses() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (response, closed) = try await offPool {
                let client = try RawClient(port: port)
                // Both Content-Length and Transfer-Encoding: a smuggling attempt (RFC 9112 §6.3), then a
                // second request that must never be answered.
                try client.send(
                    "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n"
                )
                let response = try client.readResponse()
                return (response, try client.isClosedByPeer())
            }
            #expect(response.status == 400)
            #expect(response.header("Connection") == "close")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(closed)
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (response, closed) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                let response = try client.readResponse()
                return (response, try client.isClosedByPeer())
            }
            #expect(response.header("Connection") == "close")
            #expect(closed)
        }
    }

    @Test func http10KeepAliveIsAnsweredWithKeepAlive() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (first, second) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let first = try client.readResponse()
                try client.send("GET /hello HTTP/1.0\r\n\r\n")
                return (first, try client.readResponse())
            }
            #expect(first.header("Connection") == "keep-alive")
            #expect(second.header("Connection") == "close")
        }
    }

    @Test func servesOverIPv6Loopback() async throws {
        var router = Router()
        router.get("/v6") { request in HTTPResponse(body: .string(request.remoteAddress ?? "")) }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "::1", port: 0), router: router)
        let port: Int
        do {
            port = try server.start()
        } catch {
            // No IPv6 loopback in this environment (e.g. a container without it): nothing to test.
            return
        }
        let response = try await offPool {
            let client = try RawClient(port: port, host: "::1")
            try client.send("GET /v6 HTTP/1.1\r\nHost: t\r\n\r\n")
            return try client.readResponse()
        }
        await server.shutdown(gracePeriod: .seconds(1))
        #expect(response.status == 200)
        #expect(response.text.hasPrefix("[::1]:"))
    }

    @Test func accessLogGetsOneEntryPerRequestWithoutQuery() async throws {
        let entries = EntryCollector()
        try await withServer(router: .testRoutes(), configure: { $0.accessLog = { entries.add($0) } }) { _, port in
            _ = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /echo-query?token=secret HTTP/1.1\r\nHost: t\r\n\r\n")
                _ = try client.readResponse()
                try client.send("GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse().status
            }
        }
        let logged = entries.all
        #expect(logged.count == 2)
        #expect(logged.first?.path == "/echo-query")
        #expect(logged.first?.method == .get)
        #expect(logged.first?.status == .ok)
        #expect((logged.first?.bytesSent ?? 0) > 0)
        #expect(logged.last?.status == .notFound)
        #expect(logged.last?.route == nil)
    }

    @Test func accessLogNamesTheRoutePatternNotItsParameterValues() async throws {
        let entries = EntryCollector()
        try await withServer(router: .testRoutes(), configure: { $0.accessLog = { entries.add($0) } }) { _, port in
            _ = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /slow/1 HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse().status
            }
        }
        #expect(entries.all.map(\.route) == ["/slow/:ms"])
        #expect(entries.all.map(\.path) == ["/slow/1"])
    }

    @Test func loggablePathNeverReachesPastThreeSegmentsWithoutARoute() {
        func entry(_ path: String, route: String? = nil) -> AccessLogEntry {
            AccessLogEntry(
                method: .get, path: path, route: route, status: .notFound, bytesSent: 0, duration: .zero,
                remoteAddress: nil)
        }
        #expect(entry("/api/v1/integrations/alertmanager/KEY", route: "/a/:key").loggablePath == "/a/:key")
        #expect(entry("/api/v1/integrations/alertmanager/KEY").loggablePath == "/api/v1/integrations/…")
        #expect(entry("/api/v1/integrations/generic/KEY/").loggablePath == "/api/v1/integrations/…")
        #expect(entry("/css/site.css").loggablePath == "/css/site.css")
        #expect(entry("/a/b/c").loggablePath == "/a/b/c")
        #expect(entry("/").loggablePath == "/")
    }
}
