import HTTPCore
import Testing

@Suite struct ServerBodyTests {
    @Test func chunkedUploadIsEchoed() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let response = try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
                try client.send("6\r\n world\r\n0\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 200)
            #expect(response.text == "hello world")
        }
    }

    @Test func bodyAtTheRouteLimitIsAccepted() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let response = try await offPool {
                let client = try RawClient(port: port)
                try client.send(
                    "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 64\r\n\r\n" + String(repeating: "a", count: 64))
                return try client.readResponse()
            }
            #expect(response.status == 200)
            #expect(response.body.count == 64)
        }
    }

    @Test func bodyOverTheRouteLimitIs413AndCloses() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (response, closed) = try await offPool {
                let client = try RawClient(port: port)
                try client.send(
                    "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 65\r\n\r\n" + String(repeating: "a", count: 65))
                let response = try client.readResponse()
                return (response, try client.isClosedByPeer())
            }
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            #expect(closed)
        }
    }

    @Test func expectContinueGetsAnInterim100ThenTheAnswer() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (interim, final) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
                let interim = try client.readResponse()
                try client.send("ping")
                return (interim, try client.readResponse())
            }
            #expect(interim.status == 100)
            #expect(final.status == 200)
            #expect(final.text == "ping")
        }
    }

    @Test func expectContinueWithOversizeLengthIs413WithoutInterim() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (response, closed) = try await offPool {
                let client = try RawClient(port: port)
                try client.send(
                    "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n")
                let response = try client.readResponse()
                return (response, try client.isClosedByPeer())
            }
            #expect(response.status == 413)
            #expect(closed)
        }
    }

    @Test func bodyOfAnUnknownRouteIsReadAndDiscarded() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (missing, next) = try await offPool {
                let client = try RawClient(port: port)
                try client.send(
                    "POST /nowhere HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabcGET /inline HTTP/1.1\r\nHost: t\r\n\r\n"
                )
                return (try client.readResponse(), try client.readResponse())
            }
            #expect(missing.status == 404)
            #expect(next.text == "inline")
        }
    }

    /// A router whose unmatched paths under /api/ are answered from the head; others go to a fallback that
    /// echoes the body.
    static func routesWithUnmatchedAnswer() -> Router {
        var router = Router.testRoutes()
        router.unmatchedAnswer = { head in
            head.rawPath.hasPrefix("/api/") ? HTTPResponse(status: .notFound, body: .string("no \(head.rawPath)")) : nil
        }
        router.fallback = .async { request in HTTPResponse(body: .bytes(request.body)) }
        return router
    }

    @Test func anUnmatchedAnswerIsSentWithoutReadingABodyOverTheLimit() async throws {
        try await withServer(router: Self.routesWithUnmatchedAnswer()) { _, port in
            let (response, closed) = try await offPool {
                let client = try RawClient(port: port)
                // Only the head: the answer must not wait for (or be a 413 of) the 2 MiB it announces.
                try client.send("POST /api/nowhere HTTP/1.1\r\nHost: t\r\nContent-Length: 2097152\r\n\r\n")
                let response = try client.readResponse()
                return (response, try client.isClosedByPeer())
            }
            #expect(response.status == 404)
            #expect(response.text == "no /api/nowhere")
            #expect(closed)
        }
    }

    @Test func anUnmatchedAnswerIsSentWithoutReadingAChunkedBody() async throws {
        try await withServer(router: Self.routesWithUnmatchedAnswer()) { _, port in
            let (response, closed) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /api/nowhere HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
                let response = try client.readResponse()
                return (response, try client.isClosedByPeer())
            }
            #expect(response.status == 404)
            #expect(closed)
        }
    }

    @Test func anUnmatchedAnswerOfNilLeavesTheRequestToTheFallbackWithItsBody() async throws {
        try await withServer(router: Self.routesWithUnmatchedAnswer()) { _, port in
            let (fallback, answered) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /elsewhere HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc")
                let fallback = try client.readResponse()
                // A small body to an answered path is read and discarded: the connection stays usable.
                try client.send(
                    "POST /api/x HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabcGET /inline HTTP/1.1\r\nHost: t\r\n\r\n"
                )
                return (fallback, [try client.readResponse(), try client.readResponse()])
            }
            #expect(fallback.text == "abc")
            #expect(answered.map(\.status) == [404, 200])
        }
    }

    @Test func aWrongMethodWithABodyOverTheLimitIs405Not413() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let response = try await offPool {
                let client = try RawClient(port: port)
                try client.send("PUT /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2097152\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 405)
        }
    }
}
