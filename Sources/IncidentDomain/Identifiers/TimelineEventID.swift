/// Identifies a timeline event (append-only, so ids grow with time); encoded as a bare JSON number.
public struct TimelineEventID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
