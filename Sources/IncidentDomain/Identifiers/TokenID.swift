/// Identifies an API token; encoded as a bare JSON number.
public struct TokenID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
