import Foundation
import HTTPCore
import IncidentDomain
import Logging

/// The alert receivers: Alertmanager, Grafana, generic JSON (problem+json answers), PagerDuty Events v2 and
/// Opsgenie-style (answers in the sender's own shape). Each normalises its payload with the domain, then hands
/// the request's alerts to `AlertRepository.ingest` as one transaction. See docs/alert-ingestion.md.
///
/// Authentication (issue 5): a bearer token of scope `ingest` (or `admin`), routed by the alerts' service
/// hint; or a service's integration key, which authenticates and routes — in the path
/// (`/api/v1/integrations/alertmanager/{integration_key}`), as PagerDuty's `routing_key`, or as Opsgenie's
/// `Authorization: GenieKey <key>`.
struct IngestionController: Sendable {
    let alerts: any AlertRepository
    let services: any ServiceRepository
    let authenticator: Authenticator
    let grouping: AlertGrouping
    /// The body limit of every receiver but PagerDuty's (which keeps PagerDuty's own 512 KB).
    let maxBodySize: Int
    /// Nil when the configuration turns the ingestion rate limit off.
    let rateLimiter: IngestionRateLimiter?
    let logger: Logger
    /// Warns in the log when payloads are refused for good (rate-limited per receiver).
    let refusals: RefusedAlertLog

    /// The receivers that answer in problem+json, by the last segment of their path, with the signature their
    /// requests must carry when the routed service has signing secrets.
    static let groupReceivers:
        [(
            name: String, signature: ReceiverSignature,
            normalize: @Sendable ([UInt8], Date) throws -> [NormalizedAlert]
        )] = [
            (
                "alertmanager", .none,
                { body, now in
                    try AlertPayloadDecoder.decode(AlertmanagerWebhook.self, from: body).normalized(now: now)
                }
            ),
            (
                "grafana", .grafana,
                { body, now in
                    try AlertPayloadDecoder.decode(GrafanaWebhook.self, from: body).normalized(now: now)
                }
            ),
            (
                "generic", .standardWebhooks,
                { body, now in
                    [try AlertPayloadDecoder.decode(GenericAlert.self, from: Data(body)).normalized(now: now)]
                }
            ),
        ]

    func register(in router: inout APIRouter) {
        for receiver in Self.groupReceivers {
            let normalize = receiver.normalize
            let signature = receiver.signature
            let path = "/api/v1/integrations/\(receiver.name)"
            for pattern in [path, path + "/:integration_key"] {
                let scope: TokenScope? = pattern == path ? .ingest : nil
                router.addReceiver(.post, pattern, scope: scope, maxBodySize: maxBodySize) { request, now in
                    let answer = await receive(
                        request, receiver: receiver.name, now: now, signature: signature, normalize: normalize)
                    return await recorded(receiver.name, request, now, answer)
                }
            }
        }
        router.addReceiver(.post, "/v2/enqueue", scope: nil, maxBodySize: PagerDutyEvent.bodyMaxBytes) { request, now in
            await recorded("pagerduty", request, now, await pagerDuty(request, now: now))
        }
        router.addReceiver(.post, "/v2/alerts", scope: .ingest, maxBodySize: maxBodySize) { request, now in
            let answer = await opsgenie(request, now: now) { body, now in
                try AlertPayloadDecoder.decode(OpsgenieAlert.self, from: Data(body))
                    .normalized(generatedKey: Self.generatedKey(), now: now)
            }
            return await recorded("opsgenie", request, now, answer)
        }
        for kind in [OpsgenieAlertAction.Kind.close, .acknowledge] {
            router.addReceiver(
                .post, "/v2/alerts/:identifier/\(kind.rawValue)", scope: .ingest, maxBodySize: maxBodySize
            ) {
                request, now in
                let answer = await opsgenie(request, now: now) { body, now in
                    let isEmpty = body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
                    var action = OpsgenieAlertAction()
                    if !isEmpty { action = try AlertPayloadDecoder.decode(OpsgenieAlertAction.self, from: Data(body)) }
                    return try action.normalized(
                        kind, identifier: request.pathParameters["identifier"] ?? "",
                        identifierType: request.query.values("identifierType").first, now: now)
                }
                return await recorded("opsgenie", request, now, answer)
            }
        }
    }

    /// `answer`, after `refusals` saw it.
    private func recorded(
        _ receiver: String, _ request: HTTPRequest, _ now: Date, _ answer: HTTPResponse
    ) async -> HTTPResponse {
        await refusals.record(answer, receiver: receiver, now: now) { await sender(of: request) }
        return answer
    }

    /// Who sent a refused request, for the log: the service its integration key (in the path, PagerDuty's
    /// `routing_key`, Opsgenie's `GenieKey`) belongs to, or that the key is unknown; nil for bearer tokens and
    /// requests without a key. Never the key itself: it is a credential.
    func sender(of request: HTTPRequest) async -> String? {
        var key = request.pathParameters["integration_key"]
        if key == nil, let credential = Self.genieKey(request) {
            if credential.hasPrefix(TokenSecret.prefix) { return nil }  // a token, not a key
            key = credential
        }
        if key == nil, request.path == "/v2/enqueue",
            let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
        {
            key = object["routing_key"] as? String
        }
        guard let key, !key.isEmpty else { return nil }
        do {
            guard let service = try await services.service(integrationKey: key) else {
                return "an unknown integration key"
            }
            return "service \(service.name)"
        } catch {
            return "an integration key that could not be looked up (\(error))"
        }
    }

    /// Alertmanager, Grafana and generic: authenticate (path key, else bearer token), normalise, ingest, and
    /// answer 200 with each alert's outcome; errors as problem+json in Alertmanager's retry language (4xx never
    /// retried: bad payload 400, bad credentials 401/403/404; 503 with `Retry-After` when storage cannot write or
    /// the credential is over its rate limit).
    /// When the routed service has signing secrets, the request must carry the receiver's `signature` (see
    /// `verifySignature` and `verifyGrafanaSignature`).
    func receive(
        _ request: HTTPRequest, receiver: String, now: Date, signature: ReceiverSignature,
        normalize: @Sendable ([UInt8], Date) throws -> [NormalizedAlert]
    ) async -> HTTPResponse {
        do {
            let route = try await route(request)
            try rateLimiter?.admit(route.rateLimitKey, now: now)
            let normalized = try normalize(request.body, now)
            var service = route.service(for: normalized)
            var webhookID: String?
            if signature != .none {
                let routed = try await alerts.signingSecrets(routedTo: service)
                service = .id(routed.service)
                switch signature {
                case .none: break
                case .standardWebhooks: webhookID = try Self.verifySignature(request, secrets: routed.secrets, now: now)
                case .grafana: try Self.verifyGrafanaSignature(request, secrets: routed.secrets, now: now)
                }
            }
            let outcomes = try await alerts.ingest(
                normalized, service: service, grouping: grouping, webhookID: webhookID, at: now)
            // Once each: alerts of one group often share a warning (the same unknown severity word).
            var seen = Set<String>()
            var warnings = normalized.flatMap(\.warnings).filter { seen.insert($0).inserted }
            if case .token = route, let named = normalized.first?.serviceHint,
                let routed = outcomes.first?.serviceName, routed != named, routed != Service.defaultName
            {
                // Routed through a former name (the service was renamed): delivered where it belongs, and the
                // sender hears that its configuration is out of date.
                warnings.append(
                    "service \"\(named)\" is a former name of the \"\(routed)\" service; the alerts went there "
                        + "(update the name the sender gives).")
            } else if case .token = route, let named = normalized.first?.serviceHint,
                let routed = outcomes.first?.serviceName, routed != named
            {
                // Routing falls back to `default` so that no alert is lost to a name; the sender hears of it, and
                // the log says it once a minute (a sender such as Alertmanager drops the answer's body).
                // A former name one typo away routes too, so it is as good a suggestion as a current one.
                let names = (try? await services.list().flatMap { [$0.name] + $0.formerNames }) ?? []
                let meant = MemberNameSimilarity.intended(named, among: names).map { " Did you mean \"\($0)\"?" } ?? ""
                warnings.append(
                    "service \"\(named)\" names no service here; the alerts went to the \"\(routed)\" service "
                        + "(create the service, or correct the name the sender gives).\(meant)")
            } else if case .token = route, normalized.first?.serviceHint == nil,
                outcomes.first?.serviceName == Service.defaultName
            {
                // Alertmanager and Grafana route a group by its common `service` label: alerts that each carry one
                // in a group that does not share it (the route does not group by service) go to `default`.
                let labelled = Set(
                    normalized.compactMap { $0.labels["service"] }.filter {
                        !$0.trimmingCharacters(in: .whitespaces).isEmpty
                    }
                ).sorted()
                if !labelled.isEmpty {
                    let shown = labelled.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
                    warnings.append(
                        "the alerts carry service labels (\(shown)\(labelled.count > 5 ? ", ..." : "")) but the group has "
                            + "no common one (commonLabels.service), so they went to the \"default\" service "
                            + "(add service to the route's group_by, so that every group names one service).")
                }
            }
            refusals.recordWarnings(warnings, receiver: receiver, now: now)
            return .json { $0.ingestion(outcomes, warnings: warnings) }
        } catch IncidentError.conflict(let reason) where reason.hasPrefix("webhook-id") {
            // A delivery taken already: Standard Webhooks senders keep the id across retries and retry every
            // answer that is not 2xx (some disable an endpoint that keeps failing), so a retry whose first try
            // was stored but whose answer was lost is answered 200, and nothing is written again.
            return .json { $0.alreadyReceived(detail: reason) }
        } catch {
            return .problem(.fromReceiver(error, logger: logger, requestID: request.requestID))
        }
    }

    /// The path's integration key when the route has one (unknown: 404), else the bearer token (`ingest`).
    func route(_ request: HTTPRequest) async throws -> IngestionRoute {
        if let key = request.pathParameters["integration_key"] {
            guard let service = try await services.service(integrationKey: key) else {
                throw APIError.unknownIntegrationKey
            }
            return .integrationKey(service)
        }
        do {
            return .token(try await authenticator.authorize(request, scope: .ingest))
        } catch APIError.unauthorized(.noCredential) where request.pathParameters["integration_key"] == nil {
            // These receivers also take the key in the path: the 401 says so to whoever set up the sender.
            throw APIError.unauthorized(.noCredentialAtReceiver)
        }
    }

    /// A fresh key for PagerDuty triggers without `dedup_key` and Opsgenie alerts without `alias`: 32 lowercase
    /// hex digits, the form PagerDuty returns.
    static func generatedKey() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}
