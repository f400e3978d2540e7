import Foundation
import Testing

@testable import IncidentDomain

@Suite struct TimestampTests {
    @Test func formatsUTCWithMilliseconds() {
        #expect(Timestamp.format(t0) == "2026-11-27T08:30:00.000Z")
        #expect(Timestamp.format(t0.addingTimeInterval(0.123)) == "2026-11-27T08:30:00.123Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 253_402_300_799.999)) == "9999-12-31T23:59:59.999Z")
    }

    @Test func parsesOffsetsFractionsAndSeparators() {
        #expect(Timestamp.parse("2026-11-27T08:30:00Z") == t0)
        #expect(Timestamp.parse("2026-11-27t08:30:00z") == t0)
        #expect(Timestamp.parse("2026-11-27 08:30:00Z") == t0)
        #expect(Timestamp.parse("2026-11-27T10:30:00+02:00") == t0)
        #expect(Timestamp.parse("2026-11-27T03:00:00-05:30") == t0)
        #expect(Timestamp.parse("2026-11-27T08:30:00.5Z") == t0.addingTimeInterval(0.5))
        #expect(Timestamp.parse("2024-02-29T00:00:00Z") != nil)
    }

    @Test(arguments: [
        "", "2026-11-27", "2026-11-27T08:30:00", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z",
        "2026-11-27T24:00:00Z", "2026-11-27T08:60:00Z", "2026-11-27T08:30:60Z", "2026-11-27T08:30:00.Z",
        "2026-11-27T08:30:00.1234567890Z", "2026-11-27T08:30:00+0200", "2026-11-27T08:30:00Zjunk", "26-11-27T08:30:00Z",
    ])
    func rejectsWhatIsNotRFC3339(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func millisecondsSurviveFormatAndParse() throws {
        for milliseconds: Int64 in [0, 1, 123, 1_795_768_200_123, 1_795_768_200_999, -1, -86_400_001] {
            let formatted = Timestamp.format(milliseconds: milliseconds)
            let parsed = try #require(Timestamp.parse(formatted))
            #expect(Timestamp.milliseconds(parsed) == milliseconds, "\(formatted)")
        }
    }

    @Test func truncationRoundsTowardThePast() {
        #expect(Timestamp.milliseconds(t0.addingTimeInterval(0.0129)) == Timestamp.milliseconds(t0) + 12)
        #expect(Timestamp.milliseconds(Date(timeIntervalSince1970: -0.0005)) == -1)
        let truncated = Timestamp.truncated(t0.addingTimeInterval(0.0129))
        #expect(truncated == Timestamp.date(milliseconds: Timestamp.milliseconds(t0) + 12))
        #expect(Timestamp.truncated(truncated) == truncated)
    }

    @Test func calendarArithmeticAgreesWithFoundationOverFourCenturies() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var day: Int64 = -146_097 / 2
        while day < 146_097 * 2 {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            let components = calendar.dateComponents([.year, .month, .day], from: date)
            let (year, month, dayOfMonth) = Timestamp.civil(fromDays: day)
            #expect(Int(year) == components.year && Int(month) == components.month && Int(dayOfMonth) == components.day)
            #expect(Timestamp.days(fromCivil: year, month, dayOfMonth) == day)
            day += 37
        }
    }
}

/// A query parameter's time that is no RFC 3339 says why, naming the usual cause when it is the cause.
@Suite struct QueryTimeProblemTests {
    @Test func anUnencodedPlusIsNamed() {
        let problem = Timestamp.queryProblem("2027-03-28T12:00:00 02:00")
        #expect(problem.hasPrefix("must be an RFC 3339 date-time such as 2026-11-27T08:30:00Z"))
        #expect(problem.contains("write the offset's + as %2B"))
    }

    @Test func otherMistakesGetThePlainMessage() {
        #expect(Timestamp.queryProblem("yesterday") == "must be an RFC 3339 date-time such as 2026-11-27T08:30:00Z")
        #expect(
            Timestamp.queryProblem("2027-03-28 12:00") == "must be an RFC 3339 date-time such as 2026-11-27T08:30:00Z")
    }
}
