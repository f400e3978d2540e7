import HTTPCore
import IncidentDomain

/// `/api/v1/schedules` and `/api/v1/oncall`: rotations, overrides, and who is on call. Reading needs scope
/// `read`, changing `admin`.
struct ScheduleController: Sendable {
    let schedules: any ScheduleRepository

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/schedules", scope: .read) { _ in try await list() }
        router.add(.post, "/api/v1/schedules", scope: .admin) { try await create($0) }
        router.add(.get, "/api/v1/schedules/:id", scope: .read) { try await show($0) }
        router.add(.put, "/api/v1/schedules/:id", scope: .admin) { try await replace($0) }
        router.add(.delete, "/api/v1/schedules/:id", scope: .admin) { try await delete($0) }
        router.add(.get, "/api/v1/schedules/:id/oncall", scope: .read) { try await onCall($0) }
        router.add(.post, "/api/v1/schedules/:id/overrides", scope: .admin) { try await addOverride($0) }
        router.add(.get, "/api/v1/oncall", scope: .read) { try await everyOnCall($0) }
    }

    func list() async throws -> HTTPResponse {
        let all = try await schedules.list()
        return .json { writer in writer.list(all, nextCursor: nil) { $0.schedule($1) } }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let draft = try request.decode(
            NewSchedule.self, strictKeys: NewSchedule.keys, nestedKeys: NewSchedule.nestedKeys
        ).validate()
        let schedule = try await schedules.create(draft, at: request.now)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/api/v1/schedules/\(schedule.id.rawValue)")
        return .json(.created, headers: headers) { $0.schedule(schedule) }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        let schedule = try await schedules.schedule(try request.onCallReference())
        return .json { $0.schedule(schedule) }
    }

    func replace(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try request.onCallReference()
        var body = try request.decode(
            NewSchedule.self, strictKeys: NewSchedule.keys, nestedKeys: NewSchedule.nestedKeys)
        if body.name == nil { body.name = try await schedules.schedule(reference).name }
        let schedule = try await schedules.replace(reference, with: try body.validate(), at: request.now)
        return .json { $0.schedule(schedule) }
    }

    func delete(_ request: APIRequest) async throws -> HTTPResponse {
        try await schedules.delete(try request.onCallReference())
        return HTTPResponse(status: .noContent)
    }

    /// Someone takes the schedule for a while: `{"user", "from", "until"}`.
    func addOverride(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try request.onCallReference()
        let input = try request.decode(NewSchedule.OverrideInput.self, strictKeys: NewSchedule.OverrideInput.keys)
        let schedule = try await schedules.addOverride(try input.validate(), to: reference, at: request.now)
        return .json(.created) { $0.schedule(schedule) }
    }

    /// `?at=` (RFC 3339, default now).
    func onCall(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try request.onCallReference()
        let at = try request.timeParameter("at") ?? request.now
        let schedule = try await schedules.schedule(reference)
        return .json { $0.onCall(schedule, at: at) }
    }

    func everyOnCall(_ request: APIRequest) async throws -> HTTPResponse {
        let at = try request.timeParameter("at") ?? request.now
        let all = try await schedules.list()
        return .json { writer in writer.list(all, nextCursor: nil) { $0.onCall($1, at: at) } }
    }
}
