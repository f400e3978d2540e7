import HTTPCore
import IncidentDomain

/// `/api/v1/escalation-policies`: levels, delays, targets and repeats. Reading needs scope `read`,
/// changing `admin`.
struct EscalationPolicyController: Sendable {
    let policies: any EscalationPolicyRepository

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/escalation-policies", scope: .read) { _ in try await list() }
        router.add(.post, "/api/v1/escalation-policies", scope: .admin) { try await create($0) }
        router.add(.get, "/api/v1/escalation-policies/:id", scope: .read) { try await show($0) }
        router.add(.put, "/api/v1/escalation-policies/:id", scope: .admin) { try await replace($0) }
        router.add(.delete, "/api/v1/escalation-policies/:id", scope: .admin) { try await delete($0) }
        router.add(.get, "/api/v1/escalation-policies/:id/check", scope: .read) { try await check($0) }
    }

    func list() async throws -> HTTPResponse {
        let all = try await policies.list()
        return .json { writer in writer.list(all, nextCursor: nil) { $0.escalationPolicy($1) } }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let draft = try request.decode(NewEscalationPolicy.self, strictKeys: NewEscalationPolicy.keys).validate()
        let policy = try await policies.create(draft, at: request.now)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/api/v1/escalation-policies/\(policy.id.rawValue)")
        return .json(.created, headers: headers) { $0.escalationPolicy(policy) }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        let policy = try await policies.policy(try request.onCallReference())
        return .json { $0.escalationPolicy(policy) }
    }

    func replace(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try request.onCallReference()
        let draft = try request.decode(NewEscalationPolicy.self, strictKeys: NewEscalationPolicy.keys).validate()
        let policy = try await policies.replace(reference, with: draft, at: request.now)
        return .json { $0.escalationPolicy(policy) }
    }

    func delete(_ request: APIRequest) async throws -> HTTPResponse {
        try await policies.delete(try request.onCallReference())
        return HTTPResponse(status: .noContent)
    }

    func check(_ request: APIRequest) async throws -> HTTPResponse {
        let (policy, problems) = try await policies.check(try request.onCallReference())
        return .json { $0.policyCheck(policy, problems: problems) }
    }
}
