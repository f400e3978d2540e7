import Foundation

/// One entry of an incident's append-only timeline: who did what, when.
public struct TimelineEvent: Hashable, Sendable, Codable, Identifiable {
    public var id: TimelineEventID
    public var incidentID: IncidentID
    public var at: Date
    public var kind: TimelineEventKind
    public var actor: Principal
    public var message: String
    public var data: [String: JSONValue]

    public init(
        id: TimelineEventID, incidentID: IncidentID, at: Date, kind: TimelineEventKind, actor: Principal,
        message: String, data: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.incidentID = incidentID
        self.at = at
        self.kind = kind
        self.actor = actor
        self.message = message
        self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case id
        case incidentID = "incident_id"
        case at, kind, actor, message, data
    }
}
