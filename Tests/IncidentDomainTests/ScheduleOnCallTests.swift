import Foundation
import Testing

@testable import IncidentDomain

/// Who is on call: rotation hand-offs, overrides, and daylight-saving changes in the schedule's zone.
@Suite struct ScheduleOnCallTests {
    /// An instant given in a zone's wall-clock time.
    func local(_ text: String, _ zone: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).map { Int($0)! }
        return calendar.date(
            from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))!
    }

    func utc(_ text: String) -> Date { Timestamp.parse(text)! }

    func schedule(
        users: [String] = ["alice", "bob", "carol"], length: Int = 1, unit: Rotation.Unit = .days,
        handoff: String = "09:00", zone: String = "Europe/Berlin", start: String = "2026-03-27",
        overrides: [ScheduleOverride] = []
    ) -> Schedule {
        Schedule(
            id: 1, name: "primary",
            rotations: [
                Rotation(
                    users: users, shiftLength: length, shiftUnit: unit, handoffTime: LocalTime(parsing: handoff)!,
                    timeZone: zone, startDate: LocalDate(parsing: start)!)
            ],
            overrides: overrides, createdAt: t0)
    }

    func onCall(_ schedule: Schedule, _ date: Date) -> [String] { schedule.onCall(at: date).map(\.user) }

    @Test func nobodyIsOnCallBeforeTheFirstHandoff() {
        #expect(onCall(schedule(), local("2026-03-27T08:59", "Europe/Berlin")) == [])
        #expect(onCall(schedule(), local("2026-03-27T09:00", "Europe/Berlin")) == ["alice"])
    }

    @Test func dailyHandoffsGoRoundTheUsersInOrder() {
        let s = schedule()
        #expect(onCall(s, local("2026-03-27T12:00", "Europe/Berlin")) == ["alice"])
        #expect(onCall(s, local("2026-03-28T08:59", "Europe/Berlin")) == ["alice"])
        #expect(onCall(s, local("2026-03-28T09:00", "Europe/Berlin")) == ["bob"])
        #expect(onCall(s, local("2026-03-29T09:00", "Europe/Berlin")) == ["carol"])
        #expect(onCall(s, local("2026-03-30T09:00", "Europe/Berlin")) == ["alice"])
    }

    /// Berlin springs forward on 2026-03-29 at 02:00 (CET to CEST): the 09:00 hand-off stays at 09:00 local,
    /// which is 08:00 UTC before and 07:00 UTC after, and the shift over the change is 23 hours long.
    @Test func springForwardKeepsTheLocalHandoffTime() {
        let s = schedule()
        #expect(onCall(s, utc("2026-03-28T07:59:59.000Z")) == ["alice"])
        #expect(onCall(s, utc("2026-03-28T08:00:00.000Z")) == ["bob"])
        #expect(onCall(s, utc("2026-03-29T06:59:59.000Z")) == ["bob"])
        #expect(onCall(s, utc("2026-03-29T07:00:00.000Z")) == ["carol"])
        let shift = s.onCall(at: utc("2026-03-29T03:00:00.000Z"))[0]
        #expect(shift.start == utc("2026-03-28T08:00:00.000Z"))
        #expect(shift.end == utc("2026-03-29T07:00:00.000Z"))
        #expect(shift.end.timeIntervalSince(shift.start) == 23 * 3600)
    }

    /// Berlin falls back on 2026-10-25 at 03:00 (CEST to CET): 09:00 local is 07:00 UTC before, 08:00 after.
    @Test func fallBackKeepsTheLocalHandoffTime() {
        let s = schedule(start: "2026-10-23")
        #expect(onCall(s, utc("2026-10-24T06:59:59.000Z")) == ["alice"])
        #expect(onCall(s, utc("2026-10-24T07:00:00.000Z")) == ["bob"])
        #expect(onCall(s, utc("2026-10-25T07:59:59.000Z")) == ["bob"])
        #expect(onCall(s, utc("2026-10-25T08:00:00.000Z")) == ["carol"])
        let shift = s.onCall(at: utc("2026-10-25T01:30:00.000Z"))[0]
        #expect(shift.end.timeIntervalSince(shift.start) == 25 * 3600)
        // Months later the hand-off is still 09:00 local.
        #expect(
            onCall(s, local("2027-01-15T08:59", "Europe/Berlin"))
                != onCall(s, local("2027-01-15T09:00", "Europe/Berlin")))
    }

    @Test func hourShiftsCountElapsedHoursAcrossDST() {
        let s = schedule(users: ["alice", "bob"], length: 12, unit: .hours, handoff: "00:00", start: "2026-03-29")
        // Midnight local is 23:00 UTC the day before; 12 elapsed hours later even though the clock jumped.
        #expect(onCall(s, utc("2026-03-28T23:00:00.000Z")) == ["alice"])
        #expect(onCall(s, utc("2026-03-29T10:59:59.000Z")) == ["alice"])
        #expect(onCall(s, utc("2026-03-29T11:00:00.000Z")) == ["bob"])
        #expect(onCall(s, utc("2026-03-29T23:00:00.000Z")) == ["alice"])
    }

    @Test func weeklyShifts() {
        let s = schedule(users: ["alice", "bob"], length: 7, zone: "America/New_York", start: "2026-01-05")
        #expect(onCall(s, local("2026-01-12T08:59", "America/New_York")) == ["alice"])
        #expect(onCall(s, local("2026-01-12T09:00", "America/New_York")) == ["bob"])
        // Across the US change on 2026-03-08: hand-off on Monday 2026-03-09 still at 09:00 local.
        #expect(onCall(s, local("2026-03-09T08:59", "America/New_York")) == ["alice"])
        #expect(onCall(s, local("2026-03-09T09:00", "America/New_York")) == ["bob"])
    }

    @Test func anOverrideReplacesTheRotationWhileItLasts() {
        let from = local("2026-03-28T12:00", "Europe/Berlin")
        let until = local("2026-03-28T18:00", "Europe/Berlin")
        let s = schedule(overrides: [ScheduleOverride(user: "dave", from: from, until: until)])
        #expect(onCall(s, from.addingTimeInterval(-1)) == ["bob"])
        #expect(onCall(s, from) == ["dave"])
        #expect(s.onCall(at: from)[0].rotation == nil)
        #expect(onCall(s, until.addingTimeInterval(-1)) == ["dave"])
        #expect(onCall(s, until) == ["bob"])
    }

    @Test func theLastOverlappingOverrideWins() {
        let from = local("2026-03-28T12:00", "Europe/Berlin")
        let s = schedule(overrides: [
            ScheduleOverride(user: "dave", from: from, until: from.addingTimeInterval(7200)),
            ScheduleOverride(user: "erin", from: from.addingTimeInterval(3600), until: from.addingTimeInterval(7200)),
        ])
        #expect(onCall(s, from) == ["dave"])
        #expect(onCall(s, from.addingTimeInterval(3600)) == ["erin"])
    }

    @Test func everyRotationContributesOnePerson() {
        var s = schedule()
        s.rotations.append(
            Rotation(
                users: ["zed"], shiftLength: 1, shiftUnit: .days, handoffTime: LocalTime(hour: 0, minute: 0),
                timeZone: "UTC", startDate: LocalDate(parsing: "2026-01-01")!))
        #expect(onCall(s, local("2026-03-28T12:00", "Europe/Berlin")) == ["bob", "zed"])
    }

    @Test func validationNamesEveryBadField() {
        let body = NewSchedule(
            name: "Primary", timeZone: "Mars/Olympus",
            rotations: [
                .init(users: [], shiftLength: 0, shiftUnit: "weeks", handoffTime: "25:00", startDate: "2026-02-30")
            ],
            overrides: [.init(user: "alice", from: "2026-03-02T00:00:00Z", until: "2026-03-01T00:00:00Z")])
        let fields = fieldErrors { _ = try body.validate() }?.map(\.field) ?? []
        #expect(
            fields == [
                "name", "time_zone", "rotations.0.users", "rotations.0.shift_length", "rotations.0.shift_unit",
                "rotations.0.handoff_time", "rotations.0.start_date", "overrides.0.until",
            ])
    }
}

/// An override's time that is present but not RFC 3339 is named as such, not as missing.
@Suite struct OverrideTimeValidationTests {
    @Test func aMalformedTimeIsNotReportedAsMissing() {
        let errors = fieldErrors {
            _ = try NewSchedule.OverrideInput(user: "alice", from: "2026-11-29 16:00", until: nil).validate()
        }
        #expect(
            errors == [
                FieldError(
                    field: "from",
                    message: #""2026-11-29 16:00" is not an RFC 3339 time with a zone, such as 2026-11-29T16:00:00Z"#),
                FieldError(field: "until", message: "is required, an RFC 3339 time"),
            ])
    }
}
