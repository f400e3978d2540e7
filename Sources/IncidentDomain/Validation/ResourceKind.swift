/// The kind of thing a `notFound` error is about. An open set: later features add their own kinds
/// (users, schedules, escalation policies, action items) as static members.
public struct ResourceKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let incident = ResourceKind(rawValue: "incident")
    public static let service = ResourceKind(rawValue: "service")
    public static let token = ResourceKind(rawValue: "token")
    public static let timelineEvent = ResourceKind(rawValue: "timeline_event")
    public static let actionItem = ResourceKind(rawValue: "action_item")
    public static let postmortemSection = ResourceKind(rawValue: "postmortem_section")

    public var description: String { rawValue }
}
