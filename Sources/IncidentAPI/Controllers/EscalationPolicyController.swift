import HTTPCore
import IncidentDomain

/// `/api/v1/escalation-policies`: levels, delays, targets and repeats. Reading needs scope `read`,
/// changing `admin`.
struct EscalationPolicyController: Sendable {
    let policies: any EscalationPolicyRepository
    /// `--allow-private-destinations`: without it, raw webhook targets at internal addresses are refused (422).
    var allowPrivateDestinations = false

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/escalation-policies", scope: .read) { try await list($0) }
        router.add(.post, "/api/v1/escalation-policies", scope: .admin) { try await create($0) }
        router.add(.get, "/api/v1/escalation-policies/:id", scope: .read) { try await show($0) }
        router.add(.put, "/api/v1/escalation-policies/:id", scope: .admin) { try await replace($0) }
        router.add(.delete, "/api/v1/escalation-policies/:id", scope: .admin) { try await delete($0) }
        router.add(.get, "/api/v1/escalation-policies/:id/check", scope: .read) { try await check($0) }
    }

    /// The SSRF guard at save time for raw webhook targets (see `DestinationGuard.refusal(forURL:)`).
    func checkDestinations(_ body: NewEscalationPolicy) throws(IncidentError) -> NewEscalationPolicy {
        var errors: [FieldError] = []
        for (level, definition) in (body.levels ?? []).enumerated() {
            for (index, target) in definition.targets.enumerated() {
                guard case .webhook(let url) = target,
                    let reason = DestinationGuard.refusal(forURL: url, allowPrivate: allowPrivateDestinations)
                else { continue }
                errors.append(
                    FieldError(
                        field: "levels.\(level).targets.\(index).webhook",
                        message: "points at \(reason); pages are not sent there without --allow-private-destinations"))
            }
        }
        if !errors.isEmpty { throw .validation(errors) }
        return body
    }

    func list(_ request: APIRequest) async throws -> HTTPResponse {
        let all = try await policies.list()
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.list(all, nextCursor: nil) { $0.escalationPolicy($1) }
        }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let draft = try checkDestinations(
            request.decode(
                NewEscalationPolicy.self, strictKeys: NewEscalationPolicy.keys,
                nestedKeys: NewEscalationPolicy.nestedKeys)
        ).validate()
        let policy = try await policies.create(draft, at: request.now)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/api/v1/escalation-policies/\(policy.id.rawValue)")
        return .json(.created, headers: headers) { writer in
            writer.revealsSecretURLs = request.reveals
            writer.escalationPolicy(policy)
        }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        let policy = try await policies.policy(try request.onCallReference())
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.escalationPolicy(policy)
        }
    }

    func replace(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try request.onCallReference()
        let draft = try checkDestinations(
            request.decode(
                NewEscalationPolicy.self, strictKeys: NewEscalationPolicy.keys,
                nestedKeys: NewEscalationPolicy.nestedKeys)
        ).validate()
        let policy = try await policies.replace(reference, with: draft, at: request.now)
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.escalationPolicy(policy)
        }
    }

    func delete(_ request: APIRequest) async throws -> HTTPResponse {
        try await policies.delete(try request.onCallReference())
        return HTTPResponse(status: .noContent)
    }

    func check(_ request: APIRequest) async throws -> HTTPResponse {
        let (policy, problems) = try await policies.check(try request.onCallReference(), at: request.now)
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.policyCheck(policy, problems: problems)
        }
    }
}
