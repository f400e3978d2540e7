/// The answers of PagerDuty's Events API v2, which PagerDuty clients parse: 202
/// `{"status":"success","message":"Event processed","dedup_key":"..."}` and 400
/// `{"status":"invalid event","message":"Event object is invalid","errors":["..."]}`.
public struct PagerDutyResponse: Hashable, Sendable, Encodable {
    public var status: String
    public var message: String
    public var dedupKey: String?
    public var errors: [String]?

    public init(status: String, message: String, dedupKey: String? = nil, errors: [String]? = nil) {
        self.status = status
        self.message = message
        self.dedupKey = dedupKey
        self.errors = errors
    }

    /// The 202 answer for an accepted event (also for acknowledge and resolve that changed nothing).
    public static func accepted(dedupKey: String) -> PagerDutyResponse {
        PagerDutyResponse(status: "success", message: "Event processed", dedupKey: dedupKey)
    }

    /// The 400 answer for an event that can never succeed; each field error becomes one sentence
    /// (`payload.summary is missing or blank`).
    /// Too many events for this routing key: PagerDuty's own throttle answer (sent with 429).
    public static let throttled = PagerDutyResponse(
        status: "throttle exceeded", message: "Requests for this service are arriving too quickly. Please retry later.")

    /// Klaxon cannot store the event now (database busy, full or read-only; shutting down); sent with 503 so
    /// the client retries.
    public static func unavailable(_ reason: String) -> PagerDutyResponse {
        PagerDutyResponse(status: "unavailable", message: reason)
    }

    public static func invalid(_ errors: [FieldError]) -> PagerDutyResponse {
        PagerDutyResponse(
            status: "invalid event", message: "Event object is invalid",
            errors: errors.map { "\($0.field) \($0.message)" })
    }

    enum CodingKeys: String, CodingKey {
        case status, message
        case dedupKey = "dedup_key"
        case errors
    }

    /// Leaves out absent members, as PagerDuty does (`errors` only on 400, `dedup_key` only on 202).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(dedupKey, forKey: .dedupKey)
        try container.encodeIfPresent(errors, forKey: .errors)
    }
}
