import Foundation

/// The body of `POST /api/v1/maintenance-windows`.
public struct NewMaintenanceWindow: Sendable, Decodable {
    public var service: ServiceReference?
    public var matchers: [MatcherBody]?
    public var startsAt: String?
    public var endsAt: String?
    public var durationMinutes: Int?
    public var reason: String?

    public struct MatcherBody: Sendable, Decodable {
        public var label: String?
        public var op: String?
        public var value: String?

        public init(label: String?, op: String?, value: String?) {
            self.label = label
            self.op = op
            self.value = value
        }
    }

    public init(
        service: ServiceReference?, matchers: [MatcherBody]?, startsAt: String?, endsAt: String?,
        durationMinutes: Int?, reason: String?
    ) {
        self.service = service
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.durationMinutes = durationMinutes
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case service, matchers, reason
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case durationMinutes = "duration_minutes"
    }

    public static let keys: Set<String> = ["service", "matchers", "starts_at", "ends_at", "duration_minutes", "reason"]
    public static let nestedKeys: [String: StrictMembers] = ["matchers": StrictMembers(["label", "op", "value"])]
    /// Windows last at most 31 days: longer "maintenance" is a service that should not page at all.
    public static let longestMinutes = 31 * 24 * 60
    public static let matcherLimit = 20
    public static let reasonLength = 500

    /// Checks every field. `starts_at` defaults to `now`; the end is `ends_at` or `duration_minutes` after the
    /// start (exactly one of them); a window must not end in the past.
    public func validate(now: Date) throws(IncidentError) -> MaintenanceWindowDraft {
        var validator = FieldValidator()
        if let service, let problem = service.problem() { validator.fail("service", problem) }
        var parsed: [LabelMatcher] = []
        let bodies = matchers ?? []
        if bodies.count > Self.matcherLimit {
            validator.fail("matchers", "must have at most \(Self.matcherLimit) entries")
        }
        for (index, body) in bodies.prefix(Self.matcherLimit).enumerated() {
            let field = "matchers.\(index)"
            guard let label = body.label, let opText = body.op, let value = body.value else {
                validator.fail(field, "needs label, op and value")
                continue
            }
            guard let op = LabelMatcher.Operator(rawValue: opText) else {
                validator.fail("\(field).op", "must be one of =, !=, =~, !~")
                continue
            }
            let matcher = LabelMatcher(label: label, op: op, value: value)
            if let problem = matcher.problem() { validator.fail(field, problem) } else { parsed.append(matcher) }
        }
        if service == nil && bodies.isEmpty {
            validator.fail("service", "or matchers is required: a window must say which incidents it holds")
        }
        // As Alertmanager refuses such silences: matchers that an incident without those labels satisfies
        // (`env != prod`, `team =~ .*`) would hold paging for every service's unlabelled incidents, sev1s
        // included. One typo must not mute the company.
        if service == nil, !parsed.isEmpty, parsed.count == bodies.count, parsed.allSatisfy({ $0.matches([:]) }) {
            validator.fail(
                "matchers",
                "match incidents that lack these labels too, so the window would hold paging for every service; "
                    + "name a service, or add a matcher that needs a label value (such as env = staging)")
        }
        var start = now
        if let startsAt {
            if let date = AlertTimestamp.parse(startsAt) {
                start = date
            } else {
                validator.fail("starts_at", "must be an RFC 3339 date-time, like 2026-11-27T22:00:00Z")
            }
        }
        var end: Date?
        switch (endsAt, durationMinutes) {
        case (nil, nil):
            validator.fail("ends_at", "or duration_minutes is required")
        case (.some, .some):
            validator.fail("duration_minutes", "cannot be given with ends_at; give one of them")
        case (let text?, nil):
            if let date = AlertTimestamp.parse(text) {
                end = date
            } else {
                validator.fail("ends_at", "must be an RFC 3339 date-time, like 2026-11-28T02:00:00Z")
            }
        case (nil, let minutes?):
            if (1...Self.longestMinutes).contains(minutes) {
                end = start.addingTimeInterval(TimeInterval(minutes * 60))
            } else {
                validator.fail("duration_minutes", "must be from 1 to \(Self.longestMinutes) (31 days)")
            }
        }
        if let end {
            if end <= start {
                validator.fail("ends_at", "must be after starts_at")
            } else if end <= now {
                validator.fail("ends_at", "must be in the future")
            } else if end.timeIntervalSince(start) > TimeInterval(Self.longestMinutes * 60) {
                validator.fail("ends_at", "must be at most 31 days after starts_at")
            }
        }
        let reason = validator.text(reason ?? "", field: "reason", maxLength: Self.reasonLength) ?? ""
        try validator.finish()
        return MaintenanceWindowDraft(
            service: service, matchers: parsed, startsAt: start, endsAt: end ?? start, reason: reason)
    }
}

/// A validated window, its service not yet resolved.
public struct MaintenanceWindowDraft: Sendable {
    public var service: ServiceReference?
    public var matchers: [LabelMatcher]
    public var startsAt: Date
    public var endsAt: Date
    public var reason: String
}

/// The body of `PATCH /api/v1/maintenance-windows/{id}`: move the end (end it now, extend it) or edit the reason.
public struct MaintenanceWindowPatch: Sendable, Decodable {
    public var endsAt: String?
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case reason
        case endsAt = "ends_at"
    }

    public static let keys: Set<String> = ["ends_at", "reason"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        endsAt = try container.decodeUnlessAbsent(String.self, forKey: .endsAt)
        reason = try container.decodeUnlessAbsent(String.self, forKey: .reason)
    }

    /// The new end (nil: unchanged) and reason. An end at or before `now` ends an active window at once; an
    /// upcoming window cannot end before it starts, an ended one cannot be moved into the past.
    public func validate(for window: MaintenanceWindow, now: Date) throws(IncidentError) -> (
        endsAt: Date?, reason: String?
    ) {
        var validator = FieldValidator()
        var end: Date?
        if let endsAt {
            if let date = AlertTimestamp.parse(endsAt) {
                if date <= now, window.phase(at: now) == .active {
                    // Ending an active window early: it ends now (a millisecond after its start at the earliest).
                    end = max(now, window.startsAt.addingTimeInterval(0.001))
                } else if date <= window.startsAt {
                    validator.fail("ends_at", "must be after starts_at (delete a window that has not started)")
                } else if date <= now {
                    validator.fail("ends_at", "must be in the future: the window has ended already")
                } else if date.timeIntervalSince(window.startsAt)
                    > TimeInterval(NewMaintenanceWindow.longestMinutes * 60)
                {
                    validator.fail("ends_at", "must be at most 31 days after starts_at")
                } else {
                    end = date
                }
            } else {
                validator.fail("ends_at", "must be an RFC 3339 date-time, like 2026-11-28T02:00:00Z")
            }
        }
        let reason = reason.flatMap {
            validator.text($0, field: "reason", maxLength: NewMaintenanceWindow.reasonLength)
        }
        try validator.finish()
        return (end, reason)
    }
}
