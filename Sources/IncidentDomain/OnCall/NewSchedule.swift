import Foundation

/// The body of `POST /api/v1/schedules` and `PUT /api/v1/schedules/{id}` (full replacement; the name
/// cannot change). Users are named by handle; the store checks that they exist.
public struct NewSchedule: Hashable, Sendable, Codable {
    public var name: String?
    public var timeZone: String?
    public var rotations: [RotationInput]?
    public var overrides: [OverrideInput]?

    public struct RotationInput: Hashable, Sendable, Codable {
        public var users: [String]?
        public var shiftLength: Int?
        public var shiftUnit: String?
        public var handoffTime: String?
        public var timeZone: String?
        public var startDate: String?

        public init(
            users: [String]?, shiftLength: Int?, shiftUnit: String?, handoffTime: String?, timeZone: String? = nil,
            startDate: String?
        ) {
            self.users = users
            self.shiftLength = shiftLength
            self.shiftUnit = shiftUnit
            self.handoffTime = handoffTime
            self.timeZone = timeZone
            self.startDate = startDate
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case users
            case shiftLength = "shift_length"
            case shiftUnit = "shift_unit"
            case handoffTime = "handoff_time"
            case timeZone = "time_zone"
            case startDate = "start_date"
        }
    }

    public struct OverrideInput: Hashable, Sendable, Codable {
        public var user: String?
        public var from: String?
        public var until: String?

        public init(user: String?, from: String?, until: String?) {
            self.user = user
            self.from = from
            self.until = until
        }

        public static let keys: Set<String> = ["user", "from", "until"]

        /// Checks one override on its own (`POST /api/v1/schedules/{id}/overrides`), fields named as sent.
        public func validate() throws(IncidentError) -> ScheduleOverride {
            var validator = FieldValidator()
            let override = check(field: nil, &validator)
            try validator.finish()
            guard let override else { throw .validation([FieldError(field: "until", message: "must be after from")]) }
            return override
        }

        /// `text` as a time, or nil after saying whether it is missing or not RFC 3339.
        static func time(_ text: String?, field: String, _ validator: inout FieldValidator) -> Date? {
            guard let text else {
                validator.fail(field, "is required, an RFC 3339 time")
                return nil
            }
            guard let time = Timestamp.parse(text) else {
                validator.fail(
                    field, "\"\(text.prefix(40))\" is not an RFC 3339 time with a zone, such as 2026-11-29T16:00:00Z")
                return nil
            }
            return time
        }

        /// The override, or nil after recording its problems under `field.` (or bare names for nil).
        func check(field: String?, _ validator: inout FieldValidator) -> ScheduleOverride? {
            let prefix = field.map { "\($0)." } ?? ""
            let user = validator.name(user, field: "\(prefix)user")
            let from = Self.time(self.from, field: "\(prefix)from", &validator)
            let until = Self.time(self.until, field: "\(prefix)until", &validator)
            guard let user, let from, let until else { return nil }
            guard until > from else {
                validator.fail("\(prefix)until", "must be after from")
                return nil
            }
            return ScheduleOverride(user: user, from: from, until: until)
        }
    }

    public init(
        name: String?, timeZone: String? = nil, rotations: [RotationInput]?, overrides: [OverrideInput]? = nil
    ) {
        self.name = name
        self.timeZone = timeZone
        self.rotations = rotations
        self.overrides = overrides
    }

    enum CodingKeys: String, CodingKey {
        case name, rotations, overrides
        case timeZone = "time_zone"
    }

    public static let keys: Set<String> = ["name", "time_zone", "rotations", "overrides"]
    public static let nestedKeys: [String: StrictMembers] = [
        "rotations": StrictMembers(RotationInput.CodingKeys.self),
        "overrides": StrictMembers(OverrideInput.keys),
    ]

    /// How long an ended override is kept when another is added (`POST .../overrides`): 90 days, so past
    /// on-call answers (`?at=`) stay right for postmortems and audits.
    public static let endedOverrideHistory: TimeInterval = 90 * 24 * 3600

    /// Rotations and overrides per schedule: enough for any real team, small enough to compute per page.
    public static let maxRotations = 10
    public static let maxOverrides = 200
    public static let maxRotationUsers = 100

    /// Checks the shape of every field (reporting all problems at once); rotations take the schedule's
    /// `time_zone` (default UTC) unless they give their own.
    public func validate() throws(IncidentError) -> ScheduleDraft {
        var validator = FieldValidator()
        let name = validator.name(name, field: "name")
        let zone = validator.timeZone(timeZone ?? "UTC", field: "time_zone") ?? "UTC"
        var checkedRotations: [Rotation] = []
        let rotations = rotations ?? []
        if rotations.count > Self.maxRotations {
            validator.fail("rotations", "must have at most \(Self.maxRotations) rotations")
        }
        for (index, input) in rotations.enumerated() {
            let field = "rotations.\(index)"
            let users = input.users ?? []
            if users.isEmpty || users.count > Self.maxRotationUsers {
                validator.fail("\(field).users", "must list 1 to \(Self.maxRotationUsers) user handles")
            }
            for (position, handle) in users.enumerated() {
                if let problem = FieldValidator.nameProblem(handle) {
                    validator.fail("\(field).users.\(position)", problem)
                }
            }
            let length = input.shiftLength ?? 0
            if !(1...8_784).contains(length) {
                validator.fail("\(field).shift_length", "must be a whole number from 1 to 8784")
            }
            let unit = input.shiftUnit.flatMap(Rotation.Unit.init(rawValue:))
            if unit == nil { validator.fail("\(field).shift_unit", "must be hours or days") }
            let handoff = LocalTime(parsing: input.handoffTime ?? "00:00")
            if handoff == nil { validator.fail("\(field).handoff_time", "must be a time HH:MM") }
            let rotationZone = input.timeZone.map { validator.timeZone($0, field: "\(field).time_zone") } ?? zone
            let start = input.startDate.flatMap(LocalDate.init(parsing:))
            if start == nil { validator.fail("\(field).start_date", "is required, a date YYYY-MM-DD") }
            if let unit, let handoff, let rotationZone, let start {
                checkedRotations.append(
                    Rotation(
                        users: users, shiftLength: length, shiftUnit: unit, handoffTime: handoff,
                        timeZone: rotationZone, startDate: start))
            }
        }
        var checkedOverrides: [ScheduleOverride] = []
        let overrides = overrides ?? []
        if overrides.count > Self.maxOverrides {
            validator.fail("overrides", "must have at most \(Self.maxOverrides) overrides")
        }
        for (index, input) in overrides.enumerated() {
            if let override = input.check(field: "overrides.\(index)", &validator) {
                checkedOverrides.append(override)
            }
        }
        try validator.finish()
        return ScheduleDraft(name: name ?? "", rotations: checkedRotations, overrides: checkedOverrides)
    }
}
