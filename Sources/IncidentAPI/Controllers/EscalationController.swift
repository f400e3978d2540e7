import HTTPCore
import IncidentDomain

/// An incident's escalation state and the notification outbox (what the engine queued for delivery).
/// Scope `read`.
struct EscalationController: Sendable {
    let escalations: any EscalationRepository
    let policies: any EscalationPolicyRepository
    let incidents: any IncidentRepository
    let maintenance: any MaintenanceWindowRepository
    /// Without an SMTP relay, queued email rows are listed as `undeliverable`.
    let emailRelayConfigured: Bool

    /// The outbox listing's page size.
    static let outboxLimit = DomainLimits.listLimit

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/incidents/:id/escalation", scope: .read) { try await state($0) }
        router.add(.get, "/api/v1/incidents/:id/outbox", scope: .read) { try await incidentOutbox($0) }
        router.add(.get, "/api/v1/outbox", scope: .read) { try await outbox($0) }
    }

    func state(_ request: APIRequest) async throws -> HTTPResponse {
        let id = try request.incidentID()
        let state = try await escalations.state(of: id)
        var policyName: String?
        var heldBy: MaintenanceWindow?
        if let state {
            policyName = try? await policies.policy(.id(state.policyID.rawValue)).name
            // "Why is nobody paged?": the window holding this incident's pages now, if one does.
            if !state.exhausted, let incident = try? await incidents.incident(id), incident.status == .triggered {
                heldBy = try await maintenance.active(at: request.now).first { $0.covers(incident, at: request.now) }
            }
        }
        return .json { $0.escalationState(state, incident: id, policy: policyName, heldBy: heldBy) }
    }

    func incidentOutbox(_ request: APIRequest) async throws -> HTTPResponse {
        let messages = try await escalations.outbox(of: try request.incidentID()).map(shown)
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.list(messages, nextCursor: nil) { $0.outboxMessage($1) }
        }
    }

    /// A message as listed: a queued email row reads `undeliverable` while no SMTP relay is configured, as on
    /// the incident's notifications.
    func shown(_ message: OutboxMessage) -> OutboxMessage {
        guard !emailRelayConfigured, message.isEmailAwaitingSending else { return message }
        var shown = message
        shown.status = "undeliverable"
        return shown
    }

    /// `?limit=` 1...500, default 50: the newest messages first.
    func outbox(_ request: APIRequest) async throws -> HTTPResponse {
        var limit = DomainLimits.defaultListLimit
        if let text = request.http.query.first(where: { $0.name == "limit" })?.value {
            guard let value = Int(text), Self.outboxLimit.contains(value) else {
                throw APIError.invalidParameter(field: "limit", message: "must be a whole number from 1 to 500")
            }
            limit = value
        }
        let messages = try await escalations.outbox(limit: limit).map(shown)
        return .json { writer in
            writer.revealsSecretURLs = request.reveals
            writer.list(messages, nextCursor: nil) { $0.outboxMessage($1) }
        }
    }
}
