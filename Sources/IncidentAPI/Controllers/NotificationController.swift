import HTTPCore
import IncidentDomain

/// Deliveries of an incident's pages with every attempt (scope `read`; URLs shown whole to admin tokens
/// only), and the signing secrets of outbound pages (admin).
struct NotificationController: Sendable {
    let deliveries: any DeliveryRepository
    /// Without an SMTP relay, queued email rows are answered as `undeliverable` (they stay queued in the
    /// database and go out once a relay is configured).
    let emailRelayConfigured: Bool

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/incidents/:id/notifications", scope: .read) { try await list($0) }
        router.add(.put, "/api/v1/users/:id/signing-secret", scope: .admin) { try await setUserSecret($0) }
        router.add(.put, "/api/v1/escalation-policies/:id/signing-secret", scope: .admin) {
            try await setPolicySecret($0)
        }
    }

    func list(_ request: APIRequest) async throws -> HTTPResponse {
        var deliveries = try await deliveries.deliveries(of: try request.incidentID())
        if !emailRelayConfigured { deliveries = deliveries.map(Self.awaitingRelay) }
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.list(deliveries, nextCursor: nil) { $0.delivery($1) }
        }
    }

    /// A queued email row as shown while no relay is configured.
    static func awaitingRelay(_ delivery: Delivery) -> Delivery {
        guard delivery.message.isEmailAwaitingSending else { return delivery }
        var shown = delivery
        shown.message.status = "undeliverable"
        shown.nextAttemptAt = nil
        shown.lastError = "no SMTP relay is configured (klaxon serve --smtp-url); sent once one is"
        return shown
    }

    /// `secret` must be present: a new secret, or `null` to stop signing. An empty object is a mistake (a
    /// misspelt member is refused by the strict keys), not a request to clear the secret.
    struct SecretBody: Decodable {
        var secret: String?
        var secretGiven: Bool

        enum CodingKeys: String, CodingKey { case secret }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            secretGiven = container.contains(.secret)
            secret = try container.decodeIfPresent(String.self, forKey: .secret)
        }
    }

    func setUserSecret(_ request: APIRequest) async throws -> HTTPResponse {
        let secret = try Self.secret(request)
        try await deliveries.setUserSigningSecret(secret, for: try request.onCallReference())
        return HTTPResponse(status: .noContent)
    }

    func setPolicySecret(_ request: APIRequest) async throws -> HTTPResponse {
        let secret = try Self.secret(request)
        try await deliveries.setPolicySigningSecret(secret, for: try request.onCallReference())
        return HTTPResponse(status: .noContent)
    }

    /// `{"secret": "whsec_<base64 of 24 to 64 bytes>"}`, or `{"secret": null}` to stop signing.
    static func secret(_ request: APIRequest) throws -> String? {
        let body = try request.decode(SecretBody.self, strictKeys: ["secret"])
        guard body.secretGiven else {
            throw IncidentError.validation([
                FieldError(
                    field: "secret",
                    message: "is required: whsec_ followed by the base64 of 24 to 64 bytes, or null to stop signing")
            ])
        }
        guard let secret = body.secret else { return nil }
        let length = secret.hasPrefix("whsec_") ? StandardWebhookSignature.key(fromSecret: secret)?.count ?? 0 : 0
        guard (24...64).contains(length) else {
            throw IncidentError.validation([
                FieldError(field: "secret", message: "must be whsec_ followed by the base64 of 24 to 64 bytes, or null")
            ])
        }
        return secret
    }
}

extension JSONWriter {
    /// One delivery of `GET /api/v1/incidents/{id}/notifications`.
    mutating func delivery(_ delivery: Delivery) {
        let message = delivery.message
        beginObject()
        key("id")
        int(message.id.rawValue)
        key("webhook_id")
        string(delivery.webhookID)
        key("incident_id")
        int(message.incidentID.rawValue)
        key("level")
        int(message.level)
        key("cycle")
        int(message.cycle)
        recipientFields(message.recipient)
        key("status")
        string(message.status)
        key("created_at")
        timestamp(message.createdAt)
        key("next_attempt_at")
        timestamp(delivery.nextAttemptAt)
        key("sent_at")
        timestamp(delivery.sentAt)
        key("last_error")
        string(delivery.lastError)
        key("attempts")
        beginArray()
        for attempt in delivery.attempts {
            beginObject()
            key("started_at")
            timestamp(attempt.startedAt)
            key("duration_ms")
            int(Int64((attempt.duration * 1000).rounded()))
            key("outcome")
            string(attempt.succeeded ? "success" : "failure")
            key("http_status")
            if let status = attempt.httpStatus { int(status) } else { null() }
            key("error")
            string(attempt.error)
            endObject()
        }
        endArray()
        endObject()
    }
}
