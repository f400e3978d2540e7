import Foundation
import Testing

@testable import IncidentAPI

@Suite struct RFC3339Tests {
    @Test func formatsUTCWithMilliseconds() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1_795_768_200.123)) == "2026-11-27T08:30:00.123Z")
    }

    @Test func formatsDatesBeforeTheEpoch() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    }

    @Test(arguments: [
        ("2026-11-27T08:30:00Z", 1_795_768_200.0),
        ("2026-11-27T08:30:00.123Z", 1_795_768_200.123),
        ("2026-11-27t08:30:00z", 1_795_768_200.0),
        ("2026-11-27T10:30:00+02:00", 1_795_768_200.0),
        ("2026-11-27T07:30:00.5-01:00", 1_795_768_200.5),
    ])
    func parsesOffsetsAndFractions(text: String, expected: Double) throws {
        let date = try #require(RFC3339.parse(text))
        #expect(abs(date.timeIntervalSince1970 - expected) < 0.0005)
    }

    @Test(arguments: [
        "", "2026-11-27", "2026-11-27T08:30:00", "2026-13-01T00:00:00Z", "2026-02-31T00:00:00Z",
        "2026-11-27T08:30:00.Z", "2026-11-27T08:30:00+2:00", "2026-11-27T08:30:00Zjunk", "yesterday",
    ])
    func rejectsMalformed(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func roundTripsMilliseconds() throws {
        for milliseconds in stride(from: Int64(1_700_000_000_000), to: 1_700_000_001_000, by: 7) {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let parsed = try #require(RFC3339.parse(RFC3339.format(date)))
            #expect(Int64((parsed.timeIntervalSince1970 * 1000).rounded()) == milliseconds)
        }
    }
}
