import Foundation
import Testing

/// Many senders at once (an alert storm): every request is answered, and the same group sent concurrently
/// still makes exactly one incident (decide and apply run in one write transaction).
@Suite struct IngestionConcurrencyAPITests {
    @Test func concurrentResendsOfOneGroupMakeOneIncident() async throws {
        try await TestApplication.with { app in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        try await app.request(
                            "POST", "/api/v1/integrations/alertmanager", json: AlertmanagerIngestionAPITests.firing
                        ).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 24))
            #expect(try await app.incidents().count == 1)
        }
    }

    @Test func concurrentGroupsEachGetTheirIncident() async throws {
        try await TestApplication.with { app in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<48 {
                    group.addTask {
                        let payload = AlertmanagerPayload.group(
                            status: "firing",
                            alerts: (0..<10).map {
                                AlertmanagerPayload.alert(
                                    "firing", instance: "host-\(index)-\($0)", severity: "warning",
                                    fingerprint: String(format: "%08lx%08lx", index, $0))
                            },
                            groupKey: "{}:{alertname=\"HighLatency\", shard=\"\(index)\"}")
                        return try await app.request("POST", "/api/v1/integrations/alertmanager", json: payload).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 48))
            #expect(try await app.incidents().count == 48)
        }
    }
}
