/// One rotation of a schedule: its users take turns, in order, one shift each, handing off at
/// `handoffTime` in `timeZone`, the first shift starting on `startDate` at that time.
///
/// Shifts counted in days hand off at the same wall-clock time every time, across daylight-saving changes
/// (a 1-day shift is then 23 or 25 hours long); shifts counted in hours are that many elapsed hours.
public struct Rotation: Hashable, Sendable, Codable {
    public enum Unit: String, Hashable, Sendable, Codable, CaseIterable {
        case hours, days
    }

    /// User handles, in turn order; a handle may appear more than once.
    public var users: [String]
    public var shiftLength: Int
    public var shiftUnit: Unit
    public var handoffTime: LocalTime
    /// IANA zone of `handoffTime` and `startDate`.
    public var timeZone: String
    /// The local date of the first hand-off.
    public var startDate: LocalDate

    public init(
        users: [String], shiftLength: Int, shiftUnit: Unit, handoffTime: LocalTime, timeZone: String,
        startDate: LocalDate
    ) {
        self.users = users
        self.shiftLength = shiftLength
        self.shiftUnit = shiftUnit
        self.handoffTime = handoffTime
        self.timeZone = timeZone
        self.startDate = startDate
    }

    enum CodingKeys: String, CodingKey {
        case users
        case shiftLength = "shift_length"
        case shiftUnit = "shift_unit"
        case handoffTime = "handoff_time"
        case timeZone = "time_zone"
        case startDate = "start_date"
    }
}
