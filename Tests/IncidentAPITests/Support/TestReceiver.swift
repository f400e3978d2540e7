import Foundation
import Glibc
import HTTPCore
import Synchronization

/// A webhook receiver on 127.0.0.1 for the delivery tests, built on HTTPCore's own server: it records every
/// request and answers with the statuses it was given, in order (then 200).
final class TestReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var headers: [String: String]
        var body: [UInt8]

        func object() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw TestFailure("the page is not a JSON object")
            }
            return object
        }
    }

    let server: HTTPServer
    let port: Int
    private let state: Mutex<(received: [Received], answers: [Int])>

    private init(server: HTTPServer, port: Int, answers: [Int]) {
        self.server = server
        self.port = port
        self.state = Mutex(([], answers))
    }

    /// Answers `answers` in order, then 200; a 3xx carries `Location: /elsewhere`. `beforeAnswering` runs
    /// on each request once it is recorded, before the answer goes out.
    static func start(
        answers: [Int] = [], beforeAnswering: @escaping @Sendable () -> Void = {}
    ) throws -> TestReceiver {
        let box = ReceiverBox()
        var router = Router()
        let handler: HTTPHandler = { request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.lowercased()] = value }
            let status = box.record(Received(path: String(request.path), headers: headers, body: request.body))
            beforeAnswering()
            var answer = HTTPHeaders()
            if (300..<400).contains(status) { answer.add(name: "Location", value: "/elsewhere") }
            return HTTPResponse(status: HTTPStatus(code: status), headers: answer, body: .bytes(Array("ok".utf8)))
        }
        router.add(.post, "/hook/:name", .async(handler))
        router.add(.post, "/elsewhere", .async(handler))
        router.add(.get, "/elsewhere", .async(handler))
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.eventLoopCount = 1
        let server = HTTPServer(configuration: configuration, router: router)
        let port = try server.start()
        let receiver = TestReceiver(server: server, port: port, answers: answers)
        box.owner.withLock { $0 = receiver }
        return receiver
    }

    /// A contact URL on this receiver; the path stands for the secret part of real webhook URLs.
    func url(_ name: String = "alice") -> String { "http://127.0.0.1:\(port)/hook/\(name)" }

    var received: [Received] { state.withLock { $0.received } }

    fileprivate func record(_ request: Received) -> Int {
        state.withLock { state in
            state.received.append(request)
            return state.answers.isEmpty ? 200 : state.answers.removeFirst()
        }
    }

    func stop() async {
        await server.shutdown(gracePeriod: .milliseconds(200))
    }
}

/// Lets the route handler, made before the receiver, reach it.
private final class ReceiverBox: Sendable {
    let owner = Mutex<TestReceiver?>(nil)

    func record(_ request: TestReceiver.Received) -> Int {
        owner.withLock { $0 }?.record(request) ?? 500
    }
}

/// A port that takes connections (the kernel completes them) but never answers: a receiver that hangs.
final class SilentListener: Sendable {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else { throw TestFailure("cannot listen: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    var url: String { "http://127.0.0.1:\(port)/hook/silent" }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
