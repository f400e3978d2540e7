/// Identifies a schedule; encoded as a bare JSON number.
public struct ScheduleID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
