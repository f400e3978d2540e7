/// What a timeline event records. An open set of names (stored as text): later features add their
/// own kinds as static members, and an event of a kind this build does not know still decodes.
public struct TimelineEventKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let created = TimelineEventKind(rawValue: "created")
    public static let acknowledged = TimelineEventKind(rawValue: "acknowledged")
    public static let escalated = TimelineEventKind(rawValue: "escalated")
    public static let mitigated = TimelineEventKind(rawValue: "mitigated")
    public static let resolved = TimelineEventKind(rawValue: "resolved")
    public static let closed = TimelineEventKind(rawValue: "closed")
    public static let reopened = TimelineEventKind(rawValue: "reopened")
    public static let note = TimelineEventKind(rawValue: "note")
    /// One field changed by an edit; `data` holds `field`, `old`, `new`.
    public static let fieldChanged = TimelineEventKind(rawValue: "field_changed")
    public static let alertReceived = TimelineEventKind(rawValue: "alert_received")
    public static let notificationSent = TimelineEventKind(rawValue: "notification_sent")

    /// The event a lifecycle action records.
    public init(_ action: IncidentAction) {
        switch action {
        case .acknowledge: self = .acknowledged
        case .escalate: self = .escalated
        case .mitigate: self = .mitigated
        case .resolve: self = .resolved
        case .close: self = .closed
        case .reopen: self = .reopened
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
