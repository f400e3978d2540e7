import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

@Suite struct ReportRepositoryTests {
    /// Two sev1 incidents of one service overlapping for 10 minutes, and a sev2 of another service at the same time.
    @Test func budgetMinutesOfAnIncidentLeaveOutWhatAnEarlierOneHeld() async throws {
        let test = try await TestStore.make()
        let service = ServiceReference.name("payments")
        _ = try await test.services.create(
            try NewService(name: "payments", slo: NewServiceLevelObjective(target: 99.9, windowDays: 28)).validate(),
            integrationKey: String(repeating: "k", count: 32), at: t0)
        let first = try await test.incidents.create(
            try draft("Card declines", severity: "sev1", service: service), by: alice, at: t0
        ).incident
        let second = try await test.incidents.create(
            try draft("Slow checkout", severity: "sev1", service: service), by: alice, at: at(20 * 60)
        ).incident
        let elsewhere = try await test.incidents.create(try draft("Search down", severity: "sev2"), by: alice, at: t0)
            .incident
        _ = try await test.incidents.perform(.mitigate, on: first.id, by: alice, at: at(30 * 60))
        _ = try await test.incidents.perform(.resolve, on: second.id, by: alice, at: at(60 * 60))
        _ = try await test.incidents.perform(.resolve, on: elsewhere.id, by: alice, at: at(60 * 60))

        let now = at(2 * 3600)
        // First: 30 minutes alone and first. Second: 40 minutes, of which the first held 10.
        #expect(try await test.store.reports.budgetMinutes(of: first.id, now: now) == 30)
        #expect(try await test.store.reports.budgetMinutes(of: second.id, now: now) == 30)
        // The default service has no SLO: default weights, sev2 counts half.
        #expect(try await test.store.reports.budgetMinutes(of: elsewhere.id, now: now) == 30)
        await #expect(throws: IncidentError.notFound(.incident, id: "99")) {
            try await test.store.reports.budgetMinutes(of: 99, now: now)
        }
        await test.close()
    }
}
