import Foundation
import Testing

@testable import IncidentDomain

@Suite struct IdentifierAndIdempotencyTests {
    @Test func identifiersEncodeAsBareNumbers() throws {
        #expect(String(decoding: try JSONEncoder().encode(IncidentID(42)), as: UTF8.self) == "42")
        #expect(try JSONDecoder().decode([ServiceID].self, from: Data("[1,2]".utf8)) == [1, 2])
        #expect(TimelineEventID(7).description == "7")
        #expect(TokenID(1) < TokenID(2))
    }

    @Test func identifiersParseOnlyPlainPositiveNumbers() {
        #expect(IncidentID(parsing: "42") == 42)
        #expect(IncidentID(parsing: "9223372036854775807") == IncidentID(Int64.max))
        for text in ["", "0", "042", "-1", "+1", "4 2", "1e3", "abc", "9223372036854775808", "99999999999999999999"] {
            #expect(IncidentID(parsing: text) == nil, "\(text)")
        }
    }

    let first = IdempotencyRecord(principal: "token:ci", key: "k1", requestHash: [0xAA], createdAt: t0)
    let answer = StoredResponse(status: 201, headers: ["Location": "/api/v1/incidents/1"], body: Array("{}".utf8))

    @Test func idempotencyDecisionsCoverEveryCase() {
        var done = first
        done.response = answer
        #expect(IdempotencyRecord.decide(existing: nil, requestHash: [0xAA], at: t0) == .proceed)
        #expect(IdempotencyRecord.decide(existing: done, requestHash: [0xAA], at: at(minutes: 5)) == .replay(answer))
        #expect(IdempotencyRecord.decide(existing: done, requestHash: [0xBB], at: at(minutes: 5)) == .mismatch)
        #expect(
            IdempotencyRecord.decide(existing: first, requestHash: [0xAA], at: t0.addingTimeInterval(59)) == .inProgress
        )
        #expect(
            IdempotencyRecord.decide(existing: first, requestHash: [0xAA], at: t0.addingTimeInterval(60)) == .proceed)
    }

    @Test func idempotencyKeyIsRememberedForJustUnderADay() {
        var done = first
        done.response = answer
        let almostDay = t0.addingTimeInterval(86_400 - 0.001)
        #expect(IdempotencyRecord.decide(existing: done, requestHash: [0xBB], at: almostDay) == .mismatch)
        #expect(
            IdempotencyRecord.decide(existing: done, requestHash: [0xBB], at: t0.addingTimeInterval(86_400)) == .proceed
        )
    }

    @Test func idempotencyKeyAtLimitIsAcceptedAndOneMoreIsNot() throws {
        try IdempotencyRecord.validateKey(String(repeating: "k", count: 255))
        #expect(
            fieldErrors { try IdempotencyRecord.validateKey(String(repeating: "k", count: 256)) }?.map(\.field) == [
                "Idempotency-Key"
            ])
        #expect(fieldErrors { try IdempotencyRecord.validateKey("has space") }?.map(\.field) == ["Idempotency-Key"])
        #expect(fieldErrors { try IdempotencyRecord.validateKey("") }?.map(\.field) == ["Idempotency-Key"])
    }
}
