import Glibc
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
        router.get("/counted") { _ in
            HTTPResponse(
                body: .stream { writer in
                    while true {
                        try await writer.write([UInt8](repeating: 0x61, count: 16 * 1024))
                        closedWriter?.countWrite()
                    }
                })
        }
        return router
    }

    @Test func writerSuspendsWhileTheClientDoesNotRead() async throws {
        let outcome = WriterOutcome()
        try await withServer(router: Self.streamingRouter(closedWriter: outcome)) { _, port in
            let (early, late) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /counted HTTP/1.1\r\nHost: t\r\n\r\n")
                // Not reading: once kernel buffers and the high-water mark are full, the writer must stay
                // suspended. An unsuspended producer would pass 2,048 writes (32 MiB) in well under a second,
                // however busy the machine; a suspended one stays far below, however long we wait.
                // On a loaded machine the producer may take a while to start: wait for its first write (bounded).
                var waited = 0
                while outcome.writes == 0 && waited < 150 {
                    usleep(100_000)
                    waited += 1
                }
                let early = outcome.writes
                usleep(2_000_000)
                return (early, outcome.writes)
            }
            #expect(early > 0)
            #expect(late < 2048)  // bounded by buffers, not by the producer
        }
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
    private let writeCount = Mutex(0)

    func countWrite() {
        writeCount.withLock { $0 += 1 }
    }

    var writes: Int { writeCount.withLock { $0 } }

    func record(_ error: any Error) {
        self.error.withLock { $0 = true }
    }

    var sawError: Bool { error.withLock { $0 } }
}
