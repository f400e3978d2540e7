/// Identifies a postmortem action item; encoded as a bare JSON number.
public struct ActionItemID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
