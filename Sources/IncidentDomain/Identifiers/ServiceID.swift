/// Identifies a service; encoded as a bare JSON number.
public struct ServiceID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
