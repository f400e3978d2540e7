import HTTPCore
import IncidentDomain

/// `PUT /api/v1/services/{id}/signing-secrets`: the secrets signed receivers check (issue 5: up to two, so a
/// sender can move to a new secret without a gap). Admin scope. An empty list turns signing off.
struct SigningSecretController: Sendable {
    let alerts: any AlertRepository

    /// At most two secrets during a rotation.
    static let maxSecrets = 2

    func register(in router: inout APIRouter) {
        router.add(.put, "/api/v1/services/:id/signing-secrets", scope: .admin) { try await replace($0) }
    }

    struct Body: Decodable {
        var secrets: [String]
    }

    func replace(_ request: APIRequest) async throws -> HTTPResponse {
        let reference = try ServiceController.reference(request)
        let body = try request.decode(Body.self, strictKeys: ["secrets"])
        try Self.validate(body.secrets)
        try await alerts.setSigningSecrets(body.secrets, for: reference, at: request.now)
        return HTTPResponse(status: .noContent)
    }

    /// Each secret is `whsec_` and the base64 of 24 to 64 random bytes (the Standard Webhooks form), or a plain
    /// secret of 32 to 256 characters; at most two, no duplicates.
    static func validate(_ secrets: [String]) throws(IncidentError) {
        var errors: [FieldError] = []
        if secrets.count > maxSecrets {
            errors.append(
                FieldError(field: "secrets", message: "must have at most \(maxSecrets) entries (got \(secrets.count))"))
        }
        if Set(secrets).count != secrets.count {
            errors.append(FieldError(field: "secrets", message: "must not repeat a secret"))
        }
        for (index, secret) in secrets.enumerated() {
            if secret.hasPrefix("whsec_") {
                let length = StandardWebhookSignature.key(fromSecret: secret)?.count ?? 0
                if !(24...64).contains(length) {
                    errors.append(
                        FieldError(
                            field: "secrets[\(index)]",
                            message: "must be whsec_ followed by the base64 of 24 to 64 bytes"))
                }
            } else if !(32...256).contains(secret.unicodeScalars.count) {
                errors.append(
                    FieldError(
                        field: "secrets[\(index)]",
                        message: "must be whsec_<base64> or a plain secret of 32 to 256 characters"))
            }
        }
        if !errors.isEmpty { throw .validation(errors) }
    }
}
