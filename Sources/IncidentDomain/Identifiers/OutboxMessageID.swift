/// Identifies a outbox message; encoded as a bare JSON number.
public struct OutboxMessageID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
