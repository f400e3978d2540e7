import HTTPCore
import IncidentDomain

/// `/api/v1/services`: the services incidents belong to, each with the integration key that alert
/// senders put in their URL. Admin scope throughout.
struct ServiceController: Sendable {
    let services: any ServiceRepository

    static let bodyKeys: Set<String> = ["name", "description", "routing_labels"]

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
        return .json { writer in writer.list(all, nextCursor: nil) { $0.service($1) } }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let draft = try request.decode(NewService.self, strictKeys: Self.bodyKeys).validate()
        let service = try await services.create(draft, integrationKey: Self.newIntegrationKey(), at: request.now)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/api/v1/services/\(service.id.rawValue)")
        return .json(.created, headers: headers) { $0.service(service) }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        let service = try await services.service(try Self.reference(request))
        return .json { $0.service(service) }
    }

    func edit(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try Self.reference(request)
        let edit = try request.decode(ServicePatch.self, strictKeys: Self.bodyKeys).validate()
        let service = try await services.update(reference, edit, at: request.now)
        return .json { $0.service(service) }
    }

    func delete(_ request: APIRequest) async throws -> HTTPResponse {
        try await services.delete(try Self.reference(request))
        return HTTPResponse(status: .noContent)
    }

    func rotateKey(_ request: APIRequest) async throws -> HTTPResponse {
        let service = try await services.rotateKey(
            try Self.reference(request), newKey: Self.newIntegrationKey(), at: request.now)
        return .json { $0.service(service) }
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
