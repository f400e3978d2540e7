import HTTPCore
import IncidentDomain

/// `/api/v1/maintenance-windows`: planned work during which matching incidents open but page nobody.
/// Reading needs scope `read`; creating, changing and deleting `write` (responders plan maintenance).
struct MaintenanceWindowController: Sendable {
    let windows: any MaintenanceWindowRepository

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/maintenance-windows", scope: .read) { try await list($0) }
        router.add(.post, "/api/v1/maintenance-windows", scope: .admin) { try await create($0) }
        router.add(.get, "/api/v1/maintenance-windows/:id", scope: .read) { try await show($0) }
        router.add(.patch, "/api/v1/maintenance-windows/:id", scope: .admin) { try await update($0) }
        router.add(.delete, "/api/v1/maintenance-windows/:id", scope: .admin) { try await delete($0) }
    }

    /// `?state=upcoming|active|ended` narrows the list; the latest start first.
    func list(_ request: APIRequest) async throws -> HTTPResponse {
        var phase: MaintenanceWindow.Phase?
        if let text = request.http.query["state"] {
            guard let parsed = MaintenanceWindow.Phase(rawValue: text) else {
                throw APIError.invalidParameter(field: "state", message: "must be upcoming, active, ended or deleted")
            }
            phase = parsed
        }
        let all = try await windows.list().filter { phase == nil || $0.phase(at: request.now) == phase }
        return .json { writer in writer.list(all, nextCursor: nil) { $0.maintenanceWindow($1, at: request.now) } }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let draft = try request.decode(
            NewMaintenanceWindow.self, strictKeys: NewMaintenanceWindow.keys,
            nestedKeys: NewMaintenanceWindow.nestedKeys
        )
        .validate(now: request.now)
        let window = try await windows.create(draft, by: request.actor, at: request.now)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/api/v1/maintenance-windows/\(window.id.rawValue)")
        return .json(.created, headers: headers) { $0.maintenanceWindow(window, at: request.now) }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        let window = try await windows.window(try Self.windowID(request))
        return .json { $0.maintenanceWindow(window, at: request.now) }
    }

    /// `ends_at` moves the end (a time at or before now ends the window at once); `reason` replaces it.
    func update(_ request: APIRequest) async throws -> HTTPResponse {
        let id = try Self.windowID(request)
        let patch = try request.decode(MaintenanceWindowPatch.self, strictKeys: MaintenanceWindowPatch.keys)
        let current = try await windows.window(id)
        if current.deletedAt != nil {
            throw IncidentError.conflict("maintenance window #\(id.rawValue) was deleted; create a new one")
        }
        let change = try patch.validate(for: current, now: request.now)
        let window = try await windows.update(id, endsAt: change.endsAt, reason: change.reason)
        return .json { $0.maintenanceWindow(window, at: request.now) }
    }

    func delete(_ request: APIRequest) async throws -> HTTPResponse {
        try await windows.delete(try Self.windowID(request), by: request.actor, at: request.now)
        return HTTPResponse(status: .noContent)
    }

    static func windowID(_ request: APIRequest) throws(APIError) -> MaintenanceWindowID {
        guard let id = MaintenanceWindowID(parsing: request.pathParameter("id")) else {
            throw .invalidParameter(field: "id", message: "must be a positive integer maintenance window id")
        }
        return id
    }
}
