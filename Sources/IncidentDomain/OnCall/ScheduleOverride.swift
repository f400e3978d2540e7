import Foundation

/// Someone standing in for a schedule during `[from, until)`: while it lasts they alone are on call for
/// the schedule (when overrides overlap, the one listed last wins).
public struct ScheduleOverride: Hashable, Sendable, Codable {
    public var user: String
    public var from: Date
    public var until: Date

    public init(user: String, from: Date, until: Date) {
        self.user = user
        self.from = from
        self.until = until
    }
}
