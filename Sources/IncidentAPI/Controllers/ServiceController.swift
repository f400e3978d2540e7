import HTTPCore
import IncidentDomain

/// `/api/v1/services`: the services incidents belong to, each with the integration key that alert
/// senders put in their URL; the key is answered whole only on creation and rotation (it is stored as a
/// hash), other answers give its prefix. Admin scope throughout.
struct ServiceController: Sendable {
    let services: any ServiceRepository
    let policies: any EscalationPolicyRepository

    static let bodyKeys: Set<String> = ["name", "description", "routing_labels", "escalation_policy", "slo"]
    /// A patch may also set the names the service still answers to; a new service has none.
    static let patchKeys = bodyKeys.union(["former_names"])

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/services", scope: .admin) { _ in try await list() }
        router.add(.post, "/api/v1/services", scope: .admin) { try await create($0) }
        router.add(.get, "/api/v1/services/:id", scope: .admin) { try await show($0) }
        router.add(.patch, "/api/v1/services/:id", scope: .admin) { try await edit($0) }
        router.add(.delete, "/api/v1/services/:id", scope: .admin) { try await delete($0) }
        router.add(.post, "/api/v1/services/:id/rotate-key", scope: .admin) { try await rotateKey($0) }
    }

    func list() async throws -> HTTPResponse {
        let all = try await services.list()
        let followed = try await policies.servicePolicies()
        return .json { writer in
            writer.list(all, nextCursor: nil) { $0.service($1, escalationPolicy: followed[$1.id]) }
        }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let draft = try request.decode(
            NewService.self, strictKeys: Self.bodyKeys, nestedKeys: NewServiceLevelObjective.nestedKeys,
            unknownKeyHints: ["former_names": "is kept by renaming a service (PATCH), not given on creation"]
        ).validate()
        let field = try request.decode(EscalationPolicyField.self)
        let key = Self.newIntegrationKey()
        let (service, policy) = try await policies.createService(
            draft, integrationKey: key, policy: field.reference, at: request.now)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/api/v1/services/\(service.id.rawValue)")
        return .json(.created, headers: headers) {
            $0.service(service, escalationPolicy: policy, integrationKey: key)
        }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        let service = try await services.service(try Self.reference(request))
        let policy = try await policies.policy(ofService: .id(service.id))
        return .json { $0.service(service, escalationPolicy: policy) }
    }

    func edit(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try Self.reference(request)
        let edit = try request.decode(
            ServicePatch.self, strictKeys: Self.patchKeys, nestedKeys: NewServiceLevelObjective.nestedKeys
        ).validate()
        let field = try request.decode(EscalationPolicyField.self)
        let change: PatchField<OnCallReference>? = field.isPresent ? (field.reference.map { .set($0) } ?? .clear) : nil
        let (service, policy) = try await policies.updateService(reference, edit, policy: change, at: request.now)
        return .json { $0.service(service, escalationPolicy: policy) }
    }

    func delete(_ request: APIRequest) async throws -> HTTPResponse {
        try await services.delete(try Self.reference(request))
        return HTTPResponse(status: .noContent)
    }

    func rotateKey(_ request: APIRequest) async throws -> HTTPResponse {
        let key = Self.newIntegrationKey()
        let service = try await services.rotateKey(try Self.reference(request), newKey: key, at: request.now)
        let policy = try await policies.policy(ofService: .id(service.id))
        return .json { $0.service(service, escalationPolicy: policy, integrationKey: key) }
    }

    /// A service by id (digits) or name, as the path gives it.
    static func reference(_ request: APIRequest) throws(APIError) -> ServiceReference {
        guard let reference = ServiceReference(parsing: request.pathParameter("id")) else {
            throw .invalidParameter(field: "id", message: "must be a service id or name")
        }
        return reference
    }

    /// 32 random bytes, base64url: unguessable, and safe in a URL path.
    static func newIntegrationKey() -> String {
        String(TokenSecret.generate().value.dropFirst(TokenSecret.prefix.count))
    }
}
