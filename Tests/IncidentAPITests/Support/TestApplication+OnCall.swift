import Foundation
import HTTPCore
import IncidentAPI

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Helpers for the on-call and escalation tests.
extension TestApplication {
    /// The application on an existing folder's database (a restart), or on a new folder.
    static func start(
        clock: ManualClock, reusing directory: URL, configure: (inout ApplicationConfiguration) -> Void = { _ in }
    ) async throws -> TestApplication {
        var server = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        server.eventLoopCount = 1
        var configuration = ApplicationConfiguration(
            server: server, databasePath: directory.appendingPathComponent("klaxon.db").path,
            publicDirectory: nil, initialAdminToken: adminToken)
        configuration.databaseBusyTimeout = .milliseconds(300)
        configuration.delivery.pollInterval = nil
        configuration.delivery.allowPrivateDestinations = true
        configure(&configuration)
        let application = try await buildApplication(configuration, clock: clock)
        let port = try application.start()
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = 20
        return TestApplication(
            application: application, port: port, directory: directory, clock: clock,
            session: URLSession(configuration: sessionConfiguration))
    }

    /// Stops serving and closes the database, leaving the files for the next application.
    func stopKeepingFiles() async {
        session.invalidateAndCancel()
        await application.shutdown(gracePeriod: .seconds(2))
    }

    /// Sends a request and fails unless the status is `expected`; returns the JSON object.
    @discardableResult
    func expect(
        _ expected: Int, _ method: String, _ path: String, json: Any? = nil, token: String = TestApplication.adminToken
    ) async throws -> [String: Any] {
        let response = try await request(method, path, token: token, json: json)
        guard response.status == expected else {
            throw TestFailure("\(method) \(path) answered \(response.status), not \(expected): \(response.text)")
        }
        return response.body.isEmpty ? [:] : try response.object()
    }

    /// Two users (alice by webhook; bob by Slack and email), a two-level policy `checkout` (5 then 10 minutes,
    /// `repeat` passes more) and a service `checkout` that follows it; returns the service's integration key.
    /// Alice's webhook goes nowhere unless `aliceWebhook` names a receiver.
    @discardableResult
    func setUpCheckoutPolicy(
        repeat passes: Int = 0, aliceWebhook: String = "http://127.0.0.1:9/alice"
    ) async throws -> String {
        try await expect(
            201, "POST", "/api/v1/users",
            json: ["handle": "alice", "name": "Alice", "webhook_url": aliceWebhook])
        try await expect(
            201, "POST", "/api/v1/users",
            json: [
                "handle": "bob", "name": "Bob", "time_zone": "Europe/Berlin",
                "slack_webhook_url": "https://hooks.slack.test/services/T0/B0/x", "email": "bob@example.com",
            ])
        try await expect(
            201, "POST", "/api/v1/escalation-policies",
            json: [
                "name": "checkout", "repeat": passes,
                "levels": [
                    ["delay_minutes": 5, "targets": [["user": "alice"]]],
                    ["delay_minutes": 10, "targets": [["user": "bob"]]],
                ],
            ])
        let service = try await expect(
            201, "POST", "/api/v1/services", json: ["name": "checkout", "escalation_policy": "checkout"])
        guard let key = service["integration_key"] as? String else {
            throw TestFailure("service creation answered no integration_key: \(service)")
        }
        return key
    }

    /// The incident's outbox as (level, cycle, address) triples, oldest first.
    func outbox(of id: Int) async throws -> [String] {
        let items = try await request("GET", "/api/v1/incidents/\(id)/outbox").items()
        return items.map {
            "\($0["level"] as? Int ?? -1)/\($0["cycle"] as? Int ?? -1) \($0["address"] as? String ?? "?")"
        }
    }

    /// The messages of the incident's timeline events of `kind`.
    func timelineMessages(of id: Int, kind: String) async throws -> [String] {
        try await request("GET", "/api/v1/incidents/\(id)/timeline").items()
            .filter { $0["kind"] as? String == kind }.compactMap { $0["message"] as? String }
    }
}
