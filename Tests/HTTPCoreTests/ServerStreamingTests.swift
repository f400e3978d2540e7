import HTTPCore
import Synchronization
import Testing

@Suite struct ServerStreamingTests {
    static func streamingRouter(closedWriter: WriterOutcome? = nil) -> Router {
        var router = Router()
        router.get("/events") { _ in
            HTTPResponse(
                headers: ["Content-Type": "text/event-stream"],
                body: .stream { writer in
                    for index in 1...3 {
                        try await writer.write("data: \(index)\n\n")
                        try await Task.sleep(for: .milliseconds(50))
                    }
                })
        }
        router.get("/forever") { _ in
            HTTPResponse(
                body: .stream { writer in
                    do {
                        while true {
                            try await writer.write([UInt8](repeating: 0x61, count: 1024))
                            try await Task.sleep(for: .milliseconds(5))
                        }
                    } catch {
                        closedWriter?.record(error)
                        throw error
                    }
                })
        }
        return router
    }

    @Test func streamedResponseArrivesInPieces() async throws {
        try await withServer(router: Self.streamingRouter()) { _, port in
            let (head, chunks, after) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /events HTTP/1.1\r\nHost: t\r\n\r\n")
                let head = try client.readHeadOnly()
                var chunks: [String] = []
                while let chunk = try client.readChunk() {
                    chunks.append(String(decoding: chunk, as: UTF8.self))
                }
                // The connection stays usable after a finished stream.
                try client.send("GET /events HTTP/1.1\r\nHost: t\r\n\r\n")
                return (head, chunks, try client.readResponse())
            }
            #expect(head.header("Transfer-Encoding") == "chunked")
            #expect(head.header("Content-Length") == nil)
            #expect(chunks == ["data: 1\n\n", "data: 2\n\n", "data: 3\n\n"])
            #expect(after.text == "data: 1\n\ndata: 2\n\ndata: 3\n\n")
        }
    }

    @Test func streamToAnHTTP10ClientIsCloseDelimited() async throws {
        try await withServer(router: Self.streamingRouter()) { _, port in
            let response = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /events HTTP/1.0\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.header("Transfer-Encoding") == nil)
            #expect(response.header("Connection") == "close")
            #expect(response.text == "data: 1\n\ndata: 2\n\ndata: 3\n\n")
        }
    }

    @Test func writerThrowsOnceTheClientHasGone() async throws {
        let outcome = WriterOutcome()
        try await withServer(router: Self.streamingRouter(closedWriter: outcome)) { _, port in
            try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /forever HTTP/1.1\r\nHost: t\r\n\r\n")
                _ = try client.readHeadOnly()
                _ = try client.readChunk()
            }  // the client is closed here
            for _ in 0..<200 where !outcome.sawError {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(outcome.sawError)
        }
    }
}

final class WriterOutcome: Sendable {
    private let error = Mutex(false)

    func record(_ error: any Error) {
        self.error.withLock { $0 = true }
    }

    var sawError: Bool { error.withLock { $0 } }
}
