import Foundation
import HTTPCore
import IncidentDomain

extension IngestionController {
    /// `POST /v2/enqueue`, PagerDuty Events API v2: `routing_key` is a service's integration key (it
    /// authenticates and routes; no token is read). 202 `{"status":"success","message":"Event processed",
    /// "dedup_key":...}` for every accepted event, no-ops included; 400 `{"status":"invalid event",...}` for an
    /// event that can never succeed, an unknown routing key included; 503 with `Retry-After` when storage cannot
    /// write (PagerDuty clients retry 429 and 5xx).
    func pagerDuty(_ request: HTTPRequest, now: Date) async -> HTTPResponse {
        do {
            let event = try AlertPayloadDecoder.decode(PagerDutyEvent.self, from: Data(request.body))
            let generated = Self.generatedKey()
            let alert = try event.normalized(generatedKey: generated, now: now)
            let key = (event.routingKey ?? "").trimmingCharacters(in: .whitespaces)
            guard let service = try await services.service(integrationKey: key) else {
                return Self.pagerDutyAnswer(
                    .badRequest,
                    .invalid([FieldError(field: "routing_key", message: "does not match any service's integration key")]
                    ))
            }
            _ = try await alerts.ingest([alert], service: .id(service.id), grouping: grouping, webhookID: nil, at: now)
            return Self.pagerDutyAnswer(.accepted, .accepted(dedupKey: event.responseDedupKey(generatedKey: generated)))
        } catch IncidentError.validation(let errors) {
            return Self.pagerDutyAnswer(.badRequest, .invalid(errors))
        } catch {
            return .problem(.fromReceiver(error, logger: logger))
        }
    }

    static func pagerDutyAnswer(_ status: HTTPStatus, _ body: PagerDutyResponse) -> HTTPResponse {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("status")
        writer.string(body.status)
        writer.key("message")
        writer.string(body.message)
        if let dedupKey = body.dedupKey {
            writer.key("dedup_key")
            writer.string(dedupKey)
        }
        if let errors = body.errors {
            writer.key("errors")
            writer.beginArray()
            for error in errors { writer.string(error) }
            writer.endArray()
        }
        writer.endObject()
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        return HTTPResponse(status: status, headers: headers, body: .bytes(writer.bytes))
    }
}
