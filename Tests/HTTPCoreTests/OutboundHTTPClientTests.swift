import HTTPCore
import Synchronization
import Testing

/// The outbound client against HTTPCore's own server on 127.0.0.1: the body cap, the address handed to the
/// vetting closure, and a refusal that never connects.
@Suite struct OutboundHTTPClientTests {
    static func router() -> Router {
        var router = Router()
        router.add(
            .post, "/big",
            .inline { _ in
                HTTPResponse(status: .ok, body: .bytes([UInt8](repeating: 0x61, count: 100 * 1024)))
            })
        router.add(
            .post, "/exact",
            .inline { _ in
                HTTPResponse(status: .ok, body: .bytes([UInt8](repeating: 0x62, count: 64 * 1024)))
            })
        router.add(
            .post, "/echo",
            .inline { request in
                HTTPResponse(status: HTTPStatus(code: 201), body: .bytes(request.body))
            })
        return router
    }

    func request(_ port: Int, _ path: String, body: String = "") -> OutboundRequest {
        OutboundRequest(host: "127.0.0.1", port: port, target: path, headers: [("X-Test", "1")], body: Array(body.utf8))
    }

    @Test func bodyAtTheCapIsReadWhole() async throws {
        try await withServer(router: Self.router()) { _, port in
            let response = try await OutboundHTTPClient().send(request(port, "/exact")) { _ in nil }.get()
            #expect(response.status == 200)
            #expect(response.body.count == 64 * 1024)
            #expect(!response.truncated)
        }
    }

    @Test func bodyOverTheCapIsCut() async throws {
        try await withServer(router: Self.router()) { _, port in
            let response = try await OutboundHTTPClient().send(request(port, "/big")) { _ in nil }.get()
            #expect(response.status == 200)
            #expect(response.body.count == 64 * 1024)
            #expect(response.truncated)
        }
    }

    @Test func requestBodyArrivesAndTheResolvedAddressIsVetted() async throws {
        try await withServer(router: Self.router()) { _, port in
            let vetted = VettedAddresses()
            let response = try await OutboundHTTPClient().send(request(port, "/echo", body: "page")) { bytes in
                vetted.append(bytes)
                return nil
            }.get()
            #expect(response.status == 201)
            #expect(String(decoding: response.body, as: UTF8.self) == "page")
            #expect(vetted.all == [[127, 0, 0, 1]])
        }
    }

    @Test func refusedAddressIsNeverConnectedTo() async throws {
        try await withServer(router: Self.router()) { _, port in
            let result = await OutboundHTTPClient().send(request(port, "/echo")) { _ in "a loopback address" }
            guard case .failure(.refused(let host, let address, let reason)) = result else {
                Issue.record("expected a refusal, got \(result)")
                return
            }
            #expect(host == "127.0.0.1" && address == "127.0.0.1" && reason == "a loopback address")
        }
    }
}

/// What the vetting closure saw (it runs on the client's own thread).
final class VettedAddresses: Sendable {
    private let addresses = Mutex<[[UInt8]]>([])

    func append(_ bytes: [UInt8]) { addresses.withLock { $0.append(bytes) } }
    var all: [[UInt8]] { addresses.withLock { $0 } }
}
