import Testing

@testable import HTTPCore

@Suite struct ServerRequestIDTests {
    @Test func madeUpIdentifiersCarryTheLoopPrefixAndCount() {
        var identifiers = RequestIdentifiers(prefix: 0x0000_0a0b)
        #expect(identifiers.identifier(offered: nil) == "000a0b-1")
        #expect(identifiers.identifier(offered: nil) == "000a0b-2")
        #expect(identifiers.identifier(offered: "   ") == "000a0b-3")
        #expect(identifiers.identifier(offered: "trace-42") == "trace-42")
        #expect(identifiers.identifier(offered: nil) == "000a0b-4", "a client's value does not use up a number")
    }

    @Test func formattingWritesEveryDigit() {
        #expect(RequestIdentifiers.format(prefix: 0, count: 0) == "000000-0")
        #expect(RequestIdentifiers.format(prefix: 0xdead_beef, count: 16) == "adbeef-10")
        #expect(RequestIdentifiers.format(prefix: 0xffff_ffff, count: 0xfff) == "ffffff-fff")
        #expect(RequestIdentifiers.format(prefix: 1, count: .max) == "000001-ffffffffffffffff")
        // Up to 2^32 requests per loop the identifier fits Swift's 15-byte inline string.
        #expect(RequestIdentifiers.format(prefix: 7, count: 0xffff_ffff).utf8.count == 15)
        for count in [1, 9, 10, 255, 256, 4096, 123_456_789] as [UInt64] {
            #expect(
                RequestIdentifiers.format(prefix: 0x0102_0304, count: count) == "020304-" + String(count, radix: 16))
        }
    }

    @Test func onlyShortVisibleASCIIValuesAreKept() {
        #expect(RequestIdentifiers.isUsable("4bf92f3577b34da6a3ce929d0e0e4736"))
        #expect(RequestIdentifiers.isUsable("req:1/2+3=~"))
        #expect(RequestIdentifiers.isUsable(String(repeating: "a", count: 128)))
        #expect(!RequestIdentifiers.isUsable(""))
        #expect(!RequestIdentifiers.isUsable(String(repeating: "a", count: 129)))
        #expect(!RequestIdentifiers.isUsable("two words"))
        #expect(!RequestIdentifiers.isUsable("tab\there"))
        #expect(!RequestIdentifiers.isUsable("caf\u{e9}"))
    }

    @Test func theIdentifierLineFollowsServerAndReplacesAHandlersOwn() {
        var buffer: [UInt8] = []
        let line = (header: ResponseEncoder.RequestIDHeader(name: "X-Request-Id"), value: "r-1")
        ResponseEncoder.appendHead(
            status: .ok, headers: ["x-request-id": "from-handler", "Content-Type": "text/plain"], framing: .length(0),
            keepAlive: true, requestIsHTTP10: false, dateLine: Array("Date: X\r\n".utf8),
            serverLine: Array("Server: klaxon\r\n".utf8), requestID: line, to: &buffer)
        #expect(
            String(decoding: buffer, as: UTF8.self)
                == "HTTP/1.1 200 OK\r\nDate: X\r\nServer: klaxon\r\nX-Request-Id: r-1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 0\r\n\r\n")
    }

    @Test func everyAnswerNamesItsRequestAndTheAccessLogAndHandlerSeeTheSame() async throws {
        let entries = EntryCollector()
        var router = Router.testRoutes()
        router.get("/my-id") { request in HTTPResponse(body: .string(request.requestID ?? "none")) }
        try await withServer(router: router, configure: { $0.accessLog = { entries.add($0) } }) { _, port in
            let answers = try await offPool {
                let client = try RawClient(port: port)
                var answers: [RawClient.Response] = []
                for request in [
                    "GET /my-id HTTP/1.1\r\nHost: t\r\n\r\n",
                    "GET /my-id HTTP/1.1\r\nHost: t\r\n\r\n",
                    "GET /my-id HTTP/1.1\r\nHost: t\r\nX-Request-Id: 4bf92f3577b34da6\r\n\r\n",
                    "GET /my-id HTTP/1.1\r\nHost: t\r\nx-request-id: has space\r\n\r\n",
                    "GET /inline HTTP/1.1\r\nHost: t\r\n\r\n",
                    "GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n",
                ] {
                    try client.send(request)
                    answers.append(try client.readResponse())
                }
                return answers
            }
            let ids = answers.map { $0.header("X-Request-Id") ?? "" }
            #expect(!ids.contains(""), "every answer has one: \(ids)")
            #expect(Set(ids).count == ids.count, "made-up identifiers differ: \(ids)")
            #expect(answers[0].text == ids[0], "the handler saw the identifier its answer carried")
            #expect(answers[1].text == ids[1])
            #expect(ids[2] == "4bf92f3577b34da6" && answers[2].text == "4bf92f3577b34da6", "a client's own is kept")
            #expect(ids[3] != "has space" && answers[3].text == ids[3], "an unusable one is replaced")
            #expect(answers[5].status == 404)
            // The access log is written after the answer is handed to the socket.
            for _ in 0..<100 where entries.all.count < ids.count { try await Task.sleep(for: .milliseconds(10)) }
            #expect(entries.all.map { $0.requestID ?? "" } == ids)
        }
    }

    /// Requests pipelined in one write, the first slow: each answer carries its own request's identifier.
    @Test func pipelinedRequestsEachKeepTheirOwnIdentifier() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let answers = try await offPool {
                let client = try RawClient(port: port)
                try client.send(
                    "GET /slow/50 HTTP/1.1\r\nHost: t\r\nX-Request-Id: first\r\n\r\n"
                        + "GET /inline HTTP/1.1\r\nHost: t\r\nX-Request-Id: second\r\n\r\n"
                        + "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                return try (0..<3).map { _ in try client.readResponse() }
            }
            #expect(answers.map(\.text) == ["slept 50", "inline", "hello"])
            #expect(answers[0].header("X-Request-Id") == "first")
            #expect(answers[1].header("X-Request-Id") == "second")
            let third = answers[2].header("X-Request-Id") ?? ""
            #expect(third != "first" && third != "second" && !third.isEmpty)
        }
    }

    @Test func aRequestRefusedBeforeItsHeadWasCompleteStillGetsOne() async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let answer = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nBad Header\r\n\r\n")
                return try client.readResponse()
            }
            #expect(answer.status == 400)
            #expect(answer.header("X-Request-Id")?.isEmpty == false)
        }
    }

    @Test func nilTurnsIdentifiersOff() async throws {
        try await withServer(router: .testRoutes(), configure: { $0.requestIDHeader = nil }) { _, port in
            let answer = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Request-Id: mine\r\n\r\n")
                return try client.readResponse()
            }
            #expect(answer.header("X-Request-Id") == nil)
        }
    }
}
