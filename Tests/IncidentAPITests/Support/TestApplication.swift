import Foundation
import HTTPCore
import IncidentAPI
import Logging
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A clock the tests move by hand.
final class ManualClock: WallClock {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// The real application on 127.0.0.1 port 0 with a real SQLite file in a temporary folder, and a client
/// that talks to it over real sockets.
struct TestApplication {
    static let adminToken = "klx_test-admin-token-0123456789abcdefghijklmnop"

    let application: Application
    let port: Int
    let directory: URL
    let clock: ManualClock
    let session: URLSession

    static func start(
        clock: ManualClock = ManualClock(), publicDirectory: String? = nil, logger: Logger = Logger(label: "klaxon"),
        configure: (inout ApplicationConfiguration) -> Void = { _ in }
    ) async throws -> TestApplication {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("klaxon-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var server = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        server.eventLoopCount = 1
        let configuration = ApplicationConfiguration(
            server: server, databasePath: directory.appendingPathComponent("klaxon.db").path,
            publicDirectory: publicDirectory, initialAdminToken: adminToken)
        var tuned = configuration
        // A lock held by another process turns into 503 after this long; short so fault tests stay quick.
        tuned.databaseBusyTimeout = .milliseconds(300)
        // Tests deliver with `runDeliveries()` after moving their clock; their receivers listen on 127.0.0.1.
        tuned.delivery.pollInterval = nil
        tuned.delivery.allowPrivateDestinations = true
        configure(&tuned)
        let application = try await buildApplication(tuned, clock: clock, logger: logger)
        let port = try application.start()
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = 20
        return TestApplication(
            application: application, port: port, directory: directory, clock: clock,
            session: URLSession(configuration: sessionConfiguration))
    }

    func stop() async {
        session.invalidateAndCancel()
        await application.shutdown(gracePeriod: .seconds(2))
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` against a fresh application and always stops it.
    static func with<T>(
        clock: ManualClock = ManualClock(), logger: Logger = Logger(label: "klaxon"),
        configure: (inout ApplicationConfiguration) -> Void = { _ in },
        _ body: (TestApplication) async throws -> T
    ) async throws -> T {
        let app = try await start(clock: clock, logger: logger, configure: configure)
        do {
            let result = try await body(app)
            await app.stop()
            return result
        } catch {
            await app.stop()
            throw error
        }
    }

    /// Sends one request. `json` is serialised with JSONSerialization; `rawBody` is sent as it is.
    @discardableResult
    func request(
        _ method: String, _ path: String, token: String? = TestApplication.adminToken, json: Any? = nil,
        rawBody: String? = nil, bytes: [UInt8]? = nil, contentType: String? = "application/json",
        headers: [String: String] = [:]
    ) async throws -> TestResponse {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        } else if let rawBody {
            request.httpBody = Data(rawBody.utf8)
        } else if let bytes {
            request.httpBody = Data(bytes)
        }
        if request.httpBody != nil, let contentType {
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var responseHeaders: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            responseHeaders[String(describing: name).lowercased()] = String(describing: value)
        }
        return TestResponse(status: http.statusCode, headers: responseHeaders, body: data)
    }

    /// Opens an incident and returns its JSON.
    func openIncident(_ fields: [String: Any]) async throws -> [String: Any] {
        let response = try await request("POST", "/api/v1/incidents", json: fields)
        guard response.status == 201 else {
            throw TestFailure("open incident answered \(response.status): \(response.text)")
        }
        return try response.object()
    }

    /// Creates a token of `scope` through the API and returns its secret.
    func createToken(name: String, scope: String) async throws -> String {
        let response = try await request("POST", "/api/v1/tokens", json: ["name": name, "scope": scope])
        guard response.status == 201, let secret = try response.object()["token"] as? String else {
            throw TestFailure("token creation answered \(response.status): \(response.text)")
        }
        return secret
    }
}

struct TestResponse {
    let status: Int
    /// Lower-cased names.
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func object() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(text)")
        }
        return object
    }

    func items() throws -> [[String: Any]] {
        try object()["items"] as? [[String: Any]] ?? []
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
