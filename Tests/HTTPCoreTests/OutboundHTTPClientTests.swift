import Foundation
import Glibc
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

/// A receiver that answers its status line and headers, then neither sends a body nor closes: the status is
/// the answer, so the client reports it once its time is up instead of failing (and causing a resend).
@Suite struct OutboundHTTPClientStalledBodyTests {
    @Test func statusIsTheAnswerWhenTheBodyStalls() async throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 4) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let server = Thread {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = recv(connection, &buffer, buffer.count, 0)
            let head = Array("HTTP/1.1 202 Accepted\r\nContent-Length: 100\r\n\r\npart".utf8)
            _ = send(connection, head, head.count, Int32(MSG_NOSIGNAL))
            usleep(1_500_000)
            close(connection)
        }
        server.start()
        var configuration = OutboundHTTPClient.Configuration()
        configuration.totalTimeout = 0.5
        let request = OutboundRequest(host: "127.0.0.1", port: port, target: "/", headers: [], body: [])
        let response = try await OutboundHTTPClient(configuration: configuration).send(request) { _ in nil }.get()
        #expect(response.status == 202)
        #expect(response.body == Array("part".utf8))
    }
}
