/// Who did something (the `actor` of a timeline event, the owner of an idempotency key): an API token
/// (by its name) today; a user, an alert integration or Klaxon itself (the escalation engine) as other kinds.
///
/// Not named `Actor`: that would shadow Swift's `Actor` protocol in every module importing the domain.
public struct Principal: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind of actor. An open set, extended by later features.
    public struct Kind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// An API token, named by the token's name.
        public static let token = Kind(rawValue: "token")
        /// A person (once users exist), named by handle.
        public static let user = Kind(rawValue: "user")
        /// An alert source, named by the receiver (`alertmanager`, `pagerduty`, ...).
        public static let integration = Kind(rawValue: "integration")
        /// Klaxon itself (escalation engine, heartbeats).
        public static let system = Kind(rawValue: "system")

        public init(from decoder: any Decoder) throws {
            self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        public var description: String { rawValue }
    }

    public var kind: Kind
    public var name: String

    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// The actor for an API token with this name.
    public static func token(_ name: String) -> Principal { Principal(kind: .token, name: name) }

    /// Klaxon's own background work.
    public static let system = Principal(kind: .system, name: "klaxon")

    /// `kind:name`, e.g. `token:ci-bot`: the form the store keeps in a text column.
    public var description: String { "\(kind.rawValue):\(name)" }

    /// Parses the `kind:name` form of `description` (split at the first `:`); nil without a `:` or with
    /// an empty kind or name.
    public init?(parsing text: some StringProtocol) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let kind = String(text[..<colon])
        let name = String(text[text.index(after: colon)...])
        guard !kind.isEmpty, !name.isEmpty else { return nil }
        self.init(kind: Kind(rawValue: kind), name: name)
    }
}
