import Foundation
import HTTPCore
import IncidentDomain

extension IngestionController {
    /// `POST /v2/enqueue`, PagerDuty Events API v2: `routing_key` is a service's integration key (it
    /// authenticates and routes; no token is read). 202 `{"status":"success","message":"Event processed",
    /// "dedup_key":...}` for every accepted event, no-ops included; 400 `{"status":"invalid event",...}` for an
    /// event that can never succeed, an unknown routing key included; 429 `{"status":"throttle exceeded",...}`
    /// with `Retry-After` over the rate limit; 503 with `Retry-After` when storage cannot write (PagerDuty
    /// clients retry 429 and 5xx).
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
            try rateLimiter?.admit(IngestionRoute.integrationKey(service).rateLimitKey, now: now)
            _ = try await alerts.ingest([alert], service: .id(service.id), grouping: grouping, webhookID: nil, at: now)
            return Self.pagerDutyAnswer(.accepted, .accepted(dedupKey: event.responseDedupKey(generatedKey: generated)))
        } catch IncidentError.validation(let errors) {
            return Self.pagerDutyAnswer(.badRequest, .invalid(errors))
        } catch APIError.rateLimited(let retryAfter) {
            return Self.pagerDutyAnswer(.tooManyRequests, .throttled, retryAfterSeconds: retryAfter)
        } catch {
            // Storage that cannot write is 503 with Retry-After; anything else was logged and is a 500. Both in
            // PagerDuty's shape, which its clients retry.
            let problem = ProblemDetails.from(error, logger: logger, requestID: request.requestID)
            return Self.pagerDutyAnswer(
                HTTPStatus(code: problem.status), .unavailable(problem.detail),
                retryAfterSeconds: problem.retryAfterSeconds)
        }
    }

    static func pagerDutyAnswer(_ status: HTTPStatus, _ body: PagerDutyResponse, retryAfterSeconds: Int? = nil)
        -> HTTPResponse
    {
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
        if let retryAfterSeconds { headers.add(name: "Retry-After", value: String(retryAfterSeconds)) }
        return HTTPResponse(status: status, headers: headers, body: .bytes(writer.bytes))
    }
}
