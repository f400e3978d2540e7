/// Identifies a maintenance window; encoded as a bare JSON number.
public struct MaintenanceWindowID: EntityIdentifier {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }
}
