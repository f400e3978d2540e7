/// An Opsgenie Alert API v2 create request (`POST /v2/alerts`): `message` required (at most 130
/// characters), `alias` the client's dedup key (at most 512), `description` (15,000), `responders`,
/// `visibleTo`, `actions` (10), `tags` (20), `details` (string pairs), `entity` (512), `source` (100),
/// `priority` P1...P5 (P3 by default), `user` (100), `note` (25,000).
public struct OpsgenieAlert: Hashable, Sendable, Decodable {
    public var message: String?
    public var alias: String?
    public var description: String?
    /// Kept as given: Klaxon routes by service, not by Opsgenie's teams and users.
    public var responders: [JSONValue]?
    public var visibleTo: [JSONValue]?
    public var actions: [String]?
    public var tags: [String]?
    /// Opsgenie documents string values; other JSON is accepted and kept, only string values become labels.
    public var details: [String: JSONValue]?
    public var entity: String?
    public var source: String?
    public var priority: String?
    public var user: String?
    public var note: String?

    /// Opsgenie's documented limits, checked by `normalized(...)`.
    public enum Limits {
        public static let message = 130
        public static let alias = 512
        public static let description = 15_000
        public static let actions = 10
        public static let tags = 20
        public static let entity = 512
        public static let source = 100
        public static let user = 100
        public static let note = 25_000
    }

    public init(
        message: String?, alias: String? = nil, description: String? = nil, responders: [JSONValue]? = nil,
        visibleTo: [JSONValue]? = nil, actions: [String]? = nil, tags: [String]? = nil,
        details: [String: JSONValue]? = nil, entity: String? = nil, source: String? = nil, priority: String? = nil,
        user: String? = nil, note: String? = nil
    ) {
        self.message = message
        self.alias = alias
        self.description = description
        self.responders = responders
        self.visibleTo = visibleTo
        self.actions = actions
        self.tags = tags
        self.details = details
        self.entity = entity
        self.source = source
        self.priority = priority
        self.user = user
        self.note = note
    }
}
