import IncidentDomain

/// How an ingestion request was authenticated, which decides where its alerts go.
enum IngestionRoute: Sendable {
    /// By a service's integration key (in the path, PagerDuty's `routing_key`, or `GenieKey`): that service.
    case integrationKey(Service)
    /// By an `ingest` or `admin` token: the service the alerts name (`NormalizedAlert.routedService`), else
    /// `default`.
    case token(APIToken)

    /// The service a batch goes to. A batch is one request, and a group sender's request is one group that
    /// shares its service hint, so the first alert speaks for all.
    func service(for alerts: [NormalizedAlert]) -> ServiceReference {
        switch self {
        case .integrationKey(let service): .id(service.id)
        case .token: alerts.first?.routedService ?? .name(Service.defaultName)
        }
    }

    /// The credential the ingestion rate limit counts against: the service whose key was used, or the token.
    var rateLimitKey: String {
        switch self {
        case .integrationKey(let service): "service:\(service.id.rawValue)"
        case .token(let token): "token:\(token.name)"
        }
    }
}
