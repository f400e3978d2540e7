import HTTPCore
import IncidentDomain

/// `/api/v1/incidents/{id}/alerts`: the alerts senders posted that belong to an incident.
struct AlertController: Sendable {
    let alerts: any AlertRepository

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/incidents/:id/alerts", scope: .read) { try await list($0) }
    }

    func list(_ request: APIRequest) async throws -> HTTPResponse {
        let items = try await alerts.alerts(of: try request.incidentID())
        return .json { writer in writer.list(items, nextCursor: nil) { $0.storedAlert($1) } }
    }
}
