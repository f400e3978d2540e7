/// When a person works, in their own time zone: local start and end of day (`"09:00"`, `"18:00"`) on the
/// given ISO weekdays (1 = Monday ... 7 = Sunday). Informational today (shown to whoever pages them).
public struct WorkingHours: Hashable, Sendable, Codable {
    public var start: LocalTime
    public var end: LocalTime
    public var days: [Int]

    public init(start: LocalTime, end: LocalTime, days: [Int]) {
        self.start = start
        self.end = end
        self.days = days
    }

    /// 09:00-18:00, Monday to Friday.
    public static let standard = WorkingHours(
        start: LocalTime(hour: 9, minute: 0), end: LocalTime(hour: 18, minute: 0), days: [1, 2, 3, 4, 5])
}
