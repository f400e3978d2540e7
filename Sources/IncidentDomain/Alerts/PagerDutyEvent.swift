/// A PagerDuty Events API v2 alert event (`POST /v2/enqueue`), as PagerDuty documents it: `routing_key`
/// (the integration key; it routes and authenticates), `event_action` trigger|acknowledge|resolve,
/// `dedup_key` (at most 255 characters; generated and returned when a trigger has none), `payload` (required
/// for trigger), `images`, `links`, `client`, `client_url`.
public struct PagerDutyEvent: Hashable, Sendable, Decodable {
    public var routingKey: String?
    public var eventAction: String?
    public var dedupKey: String?
    public var payload: Payload?
    public var images: [Image]?
    public var links: [Link]?
    /// The name of the monitoring client sending the event.
    public var client: String?
    /// The URL of the monitoring client.
    public var clientURL: String?

    /// The longest `payload.summary` PagerDuty accepts.
    public static let summaryMaxLength = 1024
    /// The longest `dedup_key` PagerDuty accepts.
    public static let dedupKeyMaxLength = 255
    /// The largest request body PagerDuty accepts (512 KB); the API's route limit for `/v2/enqueue`.
    public static let bodyMaxBytes = 512 * 1024

    public init(
        routingKey: String?, eventAction: String?, dedupKey: String? = nil, payload: Payload? = nil,
        images: [Image]? = nil, links: [Link]? = nil, client: String? = nil, clientURL: String? = nil
    ) {
        self.routingKey = routingKey
        self.eventAction = eventAction
        self.dedupKey = dedupKey
        self.payload = payload
        self.images = images
        self.links = links
        self.client = client
        self.clientURL = clientURL
    }

    enum CodingKeys: String, CodingKey {
        case routingKey = "routing_key"
        case eventAction = "event_action"
        case dedupKey = "dedup_key"
        case payload, images, links, client
        case clientURL = "client_url"
    }
}
