/// Identifies a user; encoded as a bare JSON number.
public struct UserID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
