import Foundation
import HTTPCore
import IncidentDomain

extension IngestionController {
    /// `POST /v2/alerts` and `/v2/alerts/{alias}/close|acknowledge`, Opsgenie-style. Credentials:
    /// `Authorization: GenieKey <integration key or token>` (Opsgenie's own header), or `Bearer <token>`.
    /// 202 `{"result":"Request will be processed","took":...,"requestId":...}`; errors in Opsgenie's shape
    /// `{"message":...,"took":...,"requestId":...}`: 400 not JSON, 422 invalid fields (with `errors`), 401/403
    /// credentials, 429 with `Retry-After` over the rate limit, 503 with `Retry-After` when storage cannot write.
    func opsgenie(
        _ request: HTTPRequest, now: Date, normalize: @Sendable ([UInt8], Date) throws -> NormalizedAlert
    ) async -> HTTPResponse {
        let started = ContinuousClock.now
        let requestID = UUID().uuidString.lowercased()
        func took() -> Double {
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            return (seconds * 1000).rounded() / 1000
        }
        do {
            let route = try await opsgenieRoute(request)
            try rateLimiter?.admit(route.rateLimitKey, now: now)
            let alert = try normalize(request.body, now)
            _ = try await alerts.ingest(
                [alert], service: route.service(for: [alert]), grouping: grouping, webhookID: nil, at: now)
            let answer = OpsgenieResponse.accepted(took: took(), requestId: requestID)
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("result")
            writer.string(answer.result)
            writer.key("took")
            writer.double(answer.took)
            writer.key("requestId")
            writer.string(answer.requestId)
            writer.endObject()
            return Self.opsgenieJSON(.accepted, writer.bytes)
        } catch {
            var status: HTTPStatus
            var message: String
            var fieldErrors: [FieldError] = []
            var retryAfter: Int?
            switch error {
            case IncidentError.validation(let errors) where errors.count == 1 && errors[0].field == "body":
                status = .badRequest
                message = "Request body is not valid JSON"
            case IncidentError.validation(let errors):
                status = .unprocessableContent
                message = "Request body is not processable. Please check the errors."
                fieldErrors = errors
            default:
                let problem = ProblemDetails.from(error, logger: logger, requestID: request.requestID)
                status = HTTPStatus(code: problem.status)
                message = problem.status == 401 ? "Could not authenticate" : problem.detail
                retryAfter = problem.retryAfterSeconds
            }
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("message")
            writer.string(message)
            if !fieldErrors.isEmpty {
                writer.key("errors")
                writer.beginObject()
                for error in fieldErrors {
                    writer.key(error.field)
                    writer.string(error.message)
                }
                writer.endObject()
            }
            writer.key("took")
            writer.double(took())
            writer.key("requestId")
            writer.string(requestID)
            writer.endObject()
            var response = Self.opsgenieJSON(status, writer.bytes)
            if let retryAfter { response.headers.add(name: "Retry-After", value: String(retryAfter)) }
            return response
        }
    }

    /// `GenieKey <credential>`: a service's integration key (routes there), else a token of scope `ingest`.
    /// Otherwise the bearer token.
    func opsgenieRoute(_ request: HTTPRequest) async throws -> IngestionRoute {
        if let credential = Self.genieKey(request) {
            if !credential.isEmpty, let service = try await services.service(integrationKey: credential) {
                return .integrationKey(service)
            }
            return .token(try await authenticator.authorize(secret: credential, headerSent: true, scope: .ingest))
        }
        return .token(try await authenticator.authorize(request, scope: .ingest))
    }

    /// The credential of `Authorization: GenieKey <credential>` (possibly empty), nil without that header.
    static func genieKey(_ request: HTTPRequest) -> String? {
        guard let value = request.headers["authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "geniekey" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    static func opsgenieJSON(_ status: HTTPStatus, _ bytes: [UInt8]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        return HTTPResponse(status: status, headers: headers, body: .bytes(bytes))
    }
}
