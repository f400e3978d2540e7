/// What one retention pass removed.
public struct RetentionOutcome: Sendable, Equatable {
    /// Resolved alerts deleted (their incidents were resolved or closed).
    public var deletedAlerts: Int
    /// Alerts of closed incidents whose raw payload was cleared (the row, its key and title stay).
    public var clearedPayloads: Int

    public init(deletedAlerts: Int = 0, clearedPayloads: Int = 0) {
        self.deletedAlerts = deletedAlerts
        self.clearedPayloads = clearedPayloads
    }

    public var isEmpty: Bool { deletedAlerts == 0 && clearedPayloads == 0 }
}
