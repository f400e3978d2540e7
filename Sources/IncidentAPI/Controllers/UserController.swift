import HTTPCore
import IncidentDomain

/// `/api/v1/users`: the people Klaxon pages. Reading needs scope `read`, changing `admin`.
struct UserController: Sendable {
    let users: any UserRepository
    /// `--allow-private-destinations`: without it, contact URLs at internal addresses are refused (422).
    var allowPrivateDestinations = false

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/users", scope: .read) { try await list($0) }
        router.add(.post, "/api/v1/users", scope: .admin) { try await create($0) }
        router.add(.get, "/api/v1/users/:id", scope: .read) { try await show($0) }
        router.add(.put, "/api/v1/users/:id", scope: .admin) { try await replace($0) }
        router.add(.delete, "/api/v1/users/:id", scope: .admin) { try await delete($0) }
    }

    func list(_ request: APIRequest) async throws -> HTTPResponse {
        let all = try await users.list()
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.list(all, nextCursor: nil) { $0.user($1) }
        }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let body = try request.decode(NewUser.self, strictKeys: NewUser.keys, nestedKeys: NewUser.nestedKeys)
        try checkDestinations(body)
        let draft = try body.validate()
        let user = try await users.create(draft, at: request.now)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/api/v1/users/\(user.id.rawValue)")
        return .json(.created, headers: headers) { writer in
            writer.revealsSecretURLs = request.reveals
            writer.user(user)
        }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        let user = try await users.user(try request.onCallReference())
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.user(user)
        }
    }

    func replace(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try request.onCallReference()
        var body = try request.decode(NewUser.self, strictKeys: NewUser.keys, nestedKeys: NewUser.nestedKeys)
        try checkDestinations(body)
        if body.handle == nil {
            // The handle never changes; PUT may leave it out.
            body.handle = try await users.user(reference).handle
        }
        let user = try await users.replace(reference, with: try body.validate(), at: request.now)
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.user(user)
        }
    }

    /// The SSRF guard at save time, for what needs no resolver (see `DestinationGuard.refusal(forURL:)`).
    func checkDestinations(_ body: NewUser) throws(IncidentError) {
        var errors: [FieldError] = []
        for (field, url) in [("webhook_url", body.webhookURL), ("slack_webhook_url", body.slackWebhookURL)] {
            guard let url, let reason = DestinationGuard.refusal(forURL: url, allowPrivate: allowPrivateDestinations)
            else { continue }
            errors.append(
                FieldError(
                    field: field,
                    message: "points at \(reason); pages are not sent there without --allow-private-destinations"))
        }
        if !errors.isEmpty { throw .validation(errors) }
    }

    func delete(_ request: APIRequest) async throws -> HTTPResponse {
        try await users.delete(try request.onCallReference())
        return HTTPResponse(status: .noContent)
    }
}
