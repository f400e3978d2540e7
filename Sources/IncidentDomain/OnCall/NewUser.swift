import Foundation

/// The body of `POST /api/v1/users` and `PUT /api/v1/users/{id}` (a full replacement; the handle cannot
/// change, so PUT may omit it or must repeat it).
public struct NewUser: Hashable, Sendable, Codable {
    public var handle: String?
    public var name: String?
    public var timeZone: String?
    public var workingHours: WorkingHoursInput?
    public var webhookURL: String?
    public var slackWebhookURL: String?
    public var email: String?

    /// `working_hours` as sent: `{"start": "09:00", "end": "18:00", "days": [1, 2, 3, 4, 5]}`.
    public struct WorkingHoursInput: Hashable, Sendable, Codable {
        public var start: String?
        public var end: String?
        public var days: [Int]?

        public init(start: String? = nil, end: String? = nil, days: [Int]? = nil) {
            self.start = start
            self.end = end
            self.days = days
        }
    }

    public init(
        handle: String?, name: String?, timeZone: String? = nil, workingHours: WorkingHoursInput? = nil,
        webhookURL: String? = nil, slackWebhookURL: String? = nil, email: String? = nil
    ) {
        self.handle = handle
        self.name = name
        self.timeZone = timeZone
        self.workingHours = workingHours
        self.webhookURL = webhookURL
        self.slackWebhookURL = slackWebhookURL
        self.email = email
    }

    enum CodingKeys: String, CodingKey {
        case handle, name, email
        case timeZone = "time_zone"
        case workingHours = "working_hours"
        case webhookURL = "webhook_url"
        case slackWebhookURL = "slack_webhook_url"
    }

    /// The JSON keys of the body, for strict decoding.
    public static let keys: Set<String> = [
        "handle", "name", "time_zone", "working_hours", "webhook_url", "slack_webhook_url", "email",
    ]
    public static let nestedKeys: [String: StrictMembers] = ["working_hours": StrictMembers(["start", "end", "days"])]

    /// Checks every field, reporting all problems at once. `time_zone` defaults to UTC, `working_hours` to
    /// 09:00-18:00 Monday to Friday.
    public func validate() throws(IncidentError) -> UserDraft {
        var validator = FieldValidator()
        let handle = validator.name(handle, field: "handle")
        let name = validator.line(name, field: "name", length: DomainLimits.commanderLength)
        let zone = validator.timeZone(timeZone ?? "UTC", field: "time_zone")
        var hours = WorkingHours.standard
        if let input = workingHours {
            if let start = input.start {
                if let parsed = LocalTime(parsing: start) {
                    hours.start = parsed
                } else {
                    validator.fail("working_hours.start", "must be a time HH:MM")
                }
            }
            if let end = input.end {
                if let parsed = LocalTime(parsing: end) {
                    hours.end = parsed
                } else {
                    validator.fail("working_hours.end", "must be a time HH:MM")
                }
            }
            if let days = input.days {
                if days.isEmpty || !days.allSatisfy({ (1...7).contains($0) }) || Set(days).count != days.count {
                    validator.fail("working_hours.days", "must be distinct ISO weekdays 1 (Monday) to 7 (Sunday)")
                } else {
                    hours.days = days.sorted()
                }
            }
            // A night shift ends the next morning (22:00-06:00): such hours belong to the day they start on.
            if hours.end == hours.start {
                validator.fail(
                    "working_hours.end", "must differ from working_hours.start (22:00 to 06:00 is a night shift)")
            }
        }
        let contact = ContactMethods(
            webhookURL: webhookURL.flatMap { validator.webURL($0, field: "webhook_url") },
            slackWebhookURL: slackWebhookURL.flatMap { validator.webURL($0, field: "slack_webhook_url") },
            email: email.flatMap { validator.email($0, field: "email") })
        try validator.finish()
        return UserDraft(
            handle: handle ?? "", name: name ?? "", timeZone: zone ?? "UTC", workingHours: hours, contact: contact)
    }
}
