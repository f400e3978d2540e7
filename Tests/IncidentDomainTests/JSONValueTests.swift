import Foundation
import Testing

@testable import IncidentDomain

@Suite struct JSONValueTests {
    @Test func everyKindRoundTripsThroughJSON() throws {
        let value: JSONValue = [
            "null": nil, "yes": true, "no": false, "int": 9_007_199_254_740_993, "negative": -3, "double": 1.5,
            "text": "héllo \"quoted\"", "list": [1, "two", [3.25], [:]], "object": ["nested": ["deep": nil]],
        ]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }

    @Test func decodesIntegersExactlyAndOtherNumbersAsDoubles() throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data("[9223372036854775807, 0.1, 1e3, true]".utf8))
        #expect(decoded == [.int(Int64.max), .double(0.1), .int(1000), .bool(true)])
    }

    @Test func accessorsReadTheMatchingCaseOnly() {
        let value: JSONValue = ["a": "x", "n": 2, "b": false]
        #expect(value["a"]?.stringValue == "x")
        #expect(value["n"]?.intValue == 2)
        #expect(value["b"]?.boolValue == false)
        #expect(value["a"]?.intValue == nil)
        #expect(value["missing"] == nil)
        #expect(JSONValue.string(nil as String?) == .null)
    }

    @Test func timelineEventEncodesWithSnakeCaseKeysAndRoundTrips() throws {
        let event = NewTimelineEvent(
            at: t0, kind: .fieldChanged, actor: alice, message: "Changed severity",
            data: ["field": "severity", "old": "sev3", "new": "sev1"]
        ).recorded(id: 5, incidentID: 7)
        let data = try JSONEncoder().encode(event)
        let object = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(object["incident_id"] == 7)
        #expect(object["kind"] == "field_changed")
        #expect(object["actor"] == ["kind": "token", "name": "alice"])
        #expect(try JSONDecoder().decode(TimelineEvent.self, from: data) == event)
    }

    @Test func incidentEncodesEveryKeyIncludingNullsAndRoundTrips() throws {
        let incident = Incident.make(status: .acknowledged)
        let data = try JSONEncoder().encode(incident)
        let object = try JSONDecoder().decode([String: JSONValue].self, from: data)
        #expect(
            Set(object.keys) == [
                "id", "title", "summary", "status", "severity", "service", "commander", "labels", "dedup_key",
                "escalation_level", "created_at", "updated_at", "acknowledged_at", "mitigated_at", "resolved_at",
                "closed_at", "impact_started_at",
                "version",
            ])
        #expect(object["mitigated_at"] == .null)
        #expect(object["service"] == ["id": 1, "name": "checkout"])
        #expect(try JSONDecoder().decode(Incident.self, from: data) == incident)
    }

    @Test func unknownTimelineKindsStillDecode() throws {
        let kind = try JSONDecoder().decode(TimelineEventKind.self, from: Data(#""page_sent""#.utf8))
        #expect(kind.rawValue == "page_sent")
        #expect(TimelineEventKind(.acknowledge) == .acknowledged)
    }
}
