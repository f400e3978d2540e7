import HTTPCore
import IncidentDomain

/// `/api/v1/heartbeats`: dead-man's switches. Reading needs scope `read`, changing `admin`; pinging needs
/// `ingest` (or `admin`), like the alert receivers, so the same token serves Alertmanager and cron jobs.
struct HeartbeatController: Sendable {
    let heartbeats: any HeartbeatRepository

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/heartbeats", scope: .read) { try await list($0) }
        router.add(.post, "/api/v1/heartbeats", scope: .admin) { try await create($0) }
        router.add(.get, "/api/v1/heartbeats/:id", scope: .read) { try await show($0) }
        router.add(.put, "/api/v1/heartbeats/:id", scope: .admin) { try await replace($0) }
        router.add(.delete, "/api/v1/heartbeats/:id", scope: .admin) { try await delete($0) }
        router.add(.post, "/api/v1/heartbeats/:id/ping", scope: .ingest) { try await ping($0) }
    }

    func list(_ request: APIRequest) async throws -> HTTPResponse {
        let all = try await heartbeats.list()
        return .json { writer in writer.list(all, nextCursor: nil) { $0.heartbeat($1, at: request.now) } }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let draft = try request.decode(NewHeartbeat.self, strictKeys: NewHeartbeat.keys).validate()
        let heartbeat = try await heartbeats.create(draft, at: request.now)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/api/v1/heartbeats/\(heartbeat.id.rawValue)")
        return .json(.created, headers: headers) { $0.heartbeat(heartbeat, at: request.now) }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        let heartbeat = try await heartbeats.heartbeat(try request.onCallReference())
        return .json { $0.heartbeat(heartbeat, at: request.now) }
    }

    func replace(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try request.onCallReference()
        var body = try request.decode(NewHeartbeat.self, strictKeys: NewHeartbeat.keys)
        // The name cannot change; a body that leaves out the grace or the severity keeps them (a PUT that changes
        // only the interval must not quietly make the heartbeat page sooner, or at another severity).
        if body.name == nil || body.graceSeconds == nil || body.severity == nil {
            let current = try await heartbeats.heartbeat(reference)
            body.name = body.name ?? current.name
            body.graceSeconds = body.graceSeconds ?? current.graceSeconds
            body.severity = body.severity ?? current.severity.rawValue
        }
        let heartbeat = try await heartbeats.replace(reference, with: try body.validate(), at: request.now)
        return .json { $0.heartbeat(heartbeat, at: request.now) }
    }

    func delete(_ request: APIRequest) async throws -> HTTPResponse {
        try await heartbeats.delete(try request.onCallReference(), by: request.actor, at: request.now)
        return HTTPResponse(status: .noContent)
    }

    /// No body (or any JSON object without `alerts`) is a ping; an Alertmanager notification is a ping when
    /// it carries a firing `Watchdog` alert, and 422 otherwise (another alert routed here by mistake).
    func ping(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try request.onCallReference()
        let body = try request.decode(AlertmanagerWebhook.self, emptyMeansEmptyObject: true)
        if body.alerts != nil, !body.hasFiringWatchdog {
            throw IncidentError.validation([
                FieldError(
                    field: "alerts",
                    message: "has no firing alert named Watchdog; only Alertmanager's Watchdog alert is a ping")
            ])
        }
        let heartbeat = try await heartbeats.ping(reference, at: request.now)
        return .json { $0.heartbeat(heartbeat, at: request.now) }
    }
}
