import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

@Suite struct IdempotencyRepositoryTests {
    static let hashA = [UInt8](repeating: 0xA, count: 32)
    static let hashB = [UInt8](repeating: 0xB, count: 32)
    static let answer = StoredResponse(
        status: 201, headers: ["Location": "/api/v1/incidents/1", "Content-Type": "application/json"],
        body: Array(#"{"id":1}"#.utf8))

    @Test func aKeyIsReservedThenReplayed() async throws {
        let test = try await TestStore.make()
        let repository = test.idempotency
        #expect(
            try await repository.begin(principal: "token:alice", key: "k1", requestHash: Self.hashA, at: t0) == .proceed
        )
        #expect(
            try await repository.begin(principal: "token:alice", key: "k1", requestHash: Self.hashA, at: at(1))
                == .inProgress)
        #expect(
            try await repository.begin(principal: "token:alice", key: "k1", requestHash: Self.hashB, at: at(1))
                == .mismatch)
        // Keys are per principal.
        #expect(
            try await repository.begin(principal: "token:bob", key: "k1", requestHash: Self.hashB, at: at(1))
                == .proceed)
        try await repository.complete(principal: "token:alice", key: "k1", reservedAt: t0, response: Self.answer)
        #expect(
            try await repository.begin(principal: "token:alice", key: "k1", requestHash: Self.hashA, at: at(2))
                == .replay(Self.answer))
        #expect(
            try await repository.begin(principal: "token:alice", key: "k1", requestHash: Self.hashB, at: at(2))
                == .mismatch)
        // After the retention the key is free again.
        #expect(
            try await repository.begin(
                principal: "token:alice", key: "k1", requestHash: Self.hashB, at: t0 + IdempotencyRecord.retention)
                == .proceed)
        await test.close()
    }

    @Test func anEmptyBodyIsReplayedAsEmpty() async throws {
        let test = try await TestStore.make()
        let empty = StoredResponse(status: 204, headers: [:], body: [])
        _ = try await test.idempotency.begin(principal: "token:a", key: "k", requestHash: Self.hashA, at: t0)
        try await test.idempotency.complete(principal: "token:a", key: "k", reservedAt: t0, response: empty)
        #expect(
            try await test.idempotency.begin(principal: "token:a", key: "k", requestHash: Self.hashA, at: at(1))
                == .replay(empty))
        await test.close()
    }

    @Test func anAbandonedKeyMayRunAgain() async throws {
        let test = try await TestStore.make()
        let repository = test.idempotency
        _ = try await repository.begin(principal: "token:a", key: "k", requestHash: Self.hashA, at: t0)
        try await repository.abandon(principal: "token:a", key: "k", reservedAt: t0)
        #expect(
            try await repository.begin(principal: "token:a", key: "k", requestHash: Self.hashB, at: at(1)) == .proceed)
        // A pending record whose request died is taken over after `abandonedAfter`.
        #expect(
            try await repository.begin(
                principal: "token:a", key: "k", requestHash: Self.hashB, at: at(1 + IdempotencyRecord.abandonedAfter))
                == .proceed)
        // Abandon never removes an answered key.
        let takenOver = at(1 + IdempotencyRecord.abandonedAfter)
        try await repository.complete(principal: "token:a", key: "k", reservedAt: takenOver, response: Self.answer)
        try await repository.abandon(principal: "token:a", key: "k", reservedAt: takenOver)
        #expect(
            try await repository.begin(principal: "token:a", key: "k", requestHash: Self.hashB, at: at(100))
                == .replay(Self.answer))
        await test.close()
    }

    /// A request that outlived its reservation (another request with the key took it over after
    /// `abandonedAfter`) neither abandons nor answers the reservation that is now the other request's.
    @Test func aRequestThatOutlivedItsReservationLeavesTheNewOneAlone() async throws {
        let test = try await TestStore.make()
        let repository = test.idempotency
        #expect(try await repository.begin(principal: "token:a", key: "k", requestHash: Self.hashA, at: t0) == .proceed)
        let takenOver = at(1 + IdempotencyRecord.abandonedAfter)
        #expect(
            try await repository.begin(principal: "token:a", key: "k", requestHash: Self.hashA, at: takenOver)
                == .proceed)
        try await repository.abandon(principal: "token:a", key: "k", reservedAt: t0)
        #expect(
            try await repository.begin(principal: "token:a", key: "k", requestHash: Self.hashA, at: takenOver + 1)
                == .inProgress)
        try await repository.complete(principal: "token:a", key: "k", reservedAt: t0, response: Self.answer)
        #expect(
            try await repository.begin(principal: "token:a", key: "k", requestHash: Self.hashA, at: takenOver + 2)
                == .inProgress)
        try await repository.complete(principal: "token:a", key: "k", reservedAt: takenOver, response: Self.answer)
        #expect(
            try await repository.begin(principal: "token:a", key: "k", requestHash: Self.hashA, at: takenOver + 3)
                == .replay(Self.answer))
        await test.close()
    }

    @Test func concurrentRequestsWithOneKeyLetExactlyOneProceed() async throws {
        let test = try await TestStore.make()
        let repository = test.idempotency
        let decisions = try await withThrowingTaskGroup(of: IdempotencyDecision.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await repository.begin(principal: "token:a", key: "k", requestHash: Self.hashA, at: t0)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(decisions.count { $0 == .proceed } == 1)
        #expect(decisions.count { $0 == .inProgress } == 19)
        await test.close()
    }

    @Test func purgeDeletesOnlyOlderRecords() async throws {
        let test = try await TestStore.make()
        for index in 0..<5 {
            _ = try await test.idempotency.begin(
                principal: "token:a", key: "k\(index)", requestHash: Self.hashA, at: at(Double(index) * 10))
        }
        #expect(try await test.idempotency.purge(createdBefore: at(25)) == 3)
        #expect(try await test.idempotency.purge(createdBefore: at(25)) == 0)
        #expect(try await test.count("SELECT count(*) FROM idempotency_keys") == 2)
        await test.close()
    }
}
