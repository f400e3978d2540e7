import Glibc
import Synchronization
import Testing

@testable import HTTPCore

/// A client that pipelines requests but does not read the answers must not make the server queue them
/// without bound (`HTTPServerConfiguration.maxUnsentOutput`).
@Suite struct ServerOutputBoundTests {
    /// An inline route answering `<n> ` and 200 bytes of padding, so the order of answers can be checked.
    private static func numberedRoutes() -> Router {
        var router = Router()
        let padding = String(repeating: "x", count: 200)
        router.add(
            .get, "/numbered/:n",
            .inline { request in HTTPResponse(body: .string("\(request.pathParameters["n"] ?? "?") \(padding)")) })
        return router
    }

    @Test func pipelinedRequestsFromAClientThatDoesNotReadStopAtTheUnsentOutputMark() async throws {
        let count = 20_000
        try await withServer(router: Self.numberedRoutes()) { server, port in
            let mark = server.configuration.maxUnsentOutput
            let (peak, bodies, sendFailure) = try await offPool {
                let client = try RawClient(port: port, receiveTimeout: 10)
                var requests: [UInt8] = []
                for index in 0..<count {
                    requests += Array("GET /numbered/\(index) HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
                }
                // The sender blocks once the kernel buffers are full (the server stops reading); the send
                // timeout of the client bounds it.
                let descriptor = client.descriptor
                let failure = SendFailure()
                let sender = startThread { [requests] in
                    var sent = 0
                    while sent < requests.count {
                        let written = requests.withUnsafeBytes {
                            send(descriptor, $0.baseAddress! + sent, requests.count - sent, Int32(MSG_NOSIGNAL))
                        }
                        guard written > 0 else {
                            let code = errno
                            failure.code.store(code, ordering: .relaxed)
                            return
                        }
                        sent += written
                    }
                }
                // Wait for the server to hold output at the mark, then give it time to go past it.
                var waited = 0
                while server.peakUnsentOutput <= mark / 2 && waited < 5000 {
                    usleep(10_000)
                    waited += 10
                }
                usleep(300_000)
                let peak = server.peakUnsentOutput
                var bodies: [String] = []
                bodies.reserveCapacity(count)
                for _ in 0..<count {
                    bodies.append(try client.readResponse().text)
                }
                pthread_join(sender, nil)
                return (peak, bodies, failure.code.load(ordering: .relaxed))
            }
            #expect(sendFailure == 0)
            #expect(peak > mark / 2, "the test must have driven the server to the mark")
            // One answer may go past the mark before the server stops.
            #expect(peak <= mark + 1024, "unsent output \(peak) bytes with a mark of \(mark)")
            #expect(bodies.count == count)
            let outOfOrder = bodies.enumerated().first { !$0.element.hasPrefix("\($0.offset) ") }
            #expect(outOfOrder == nil, "answer \(outOfOrder?.offset ?? -1) out of order")
        }
    }
}

/// The errno of a sender thread's failed `send`, 0 while none failed.
private final class SendFailure: Sendable {
    let code = Atomic<Int32>(0)
}
