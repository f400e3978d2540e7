/// Identifies an incident; encoded as a bare JSON number.
public struct IncidentID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
