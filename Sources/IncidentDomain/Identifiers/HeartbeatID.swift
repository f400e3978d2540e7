/// Identifies a heartbeat; encoded as a bare JSON number.
public struct HeartbeatID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
