import Foundation
import Testing

@testable import IncidentDomain

/// The escalation engine's pure decisions: state + policy + change or time -> actions.
@Suite struct EscalationRulesTests {
    let policy = EscalationPolicy(
        id: 1, name: "checkout",
        levels: [
            EscalationLevel(delayMinutes: 5, targets: [.user("alice")]),
            EscalationLevel(delayMinutes: 10, targets: [.user("bob")]),
        ], repeatCount: 1, createdAt: t0)

    func created() -> EscalationPlan {
        let incident = Incident.make()
        let change = IncidentChange(incident: incident, events: [])
        return EscalationRules.plan(for: change, previous: nil, state: nil, policy: policy, now: t0)
    }

    @Test func aNewTriggeredIncidentPagesLevelZeroAtOnce() {
        let plan = created()
        #expect(plan.page == 0)
        #expect(plan.state?.level == 0)
        #expect(plan.state?.cycle == 0)
        #expect(plan.state?.nextEscalationAt == at(minutes: 5))
    }

    @Test func withoutAPolicyNothingHappens() {
        let change = IncidentChange(incident: Incident.make(), events: [])
        let plan = EscalationRules.plan(for: change, previous: nil, state: nil, policy: nil, now: t0)
        #expect(plan.page == nil)
        #expect(plan.state == nil)
    }

    /// Drives the timer through every level and pass: levels at their delays, wrap-around, exhaustion.
    @Test func theTimerWalksLevelsWrapsAndExhausts() throws {
        var incident = Incident.make()
        var state = try #require(created().state)
        var pages: [(Int, Int, Double)] = []
        var now = t0
        for _ in 0..<10 {
            now = try #require(state.nextEscalationAt)
            #expect(
                EscalationRules.timer(
                    incident: incident, state: state, policy: policy, now: now.addingTimeInterval(-0.001)) == .none)
            switch EscalationRules.timer(incident: incident, state: state, policy: policy, now: now) {
            case .escalate(let change):
                let plan = EscalationRules.plan(for: change, previous: incident, state: state, policy: policy, now: now)
                incident = plan.change.incident
                state = try #require(plan.state)
                pages.append((try #require(plan.page), state.cycle, now.timeIntervalSince(t0) / 60))
                #expect(incident.escalationLevel == state.level)
                let event = try #require(plan.change.events.first { $0.kind == .escalated })
                #expect(event.actor == .system)
                #expect(event.data["escalation_level"] == .int(Int64(state.level)))
            case .exhaust(let event, let stopped):
                #expect(event.kind == .escalationExhausted)
                #expect(stopped.exhausted)
                #expect(stopped.nextEscalationAt == nil)
                #expect(now == at(minutes: 30))
                #expect(pages.map { $0.0 } == [1, 0, 1])
                #expect(pages.map { $0.1 } == [0, 1, 1])
                #expect(pages.map { $0.2 } == [5, 15, 20])
                return
            default:
                Issue.record("unexpected timer action")
                return
            }
        }
        Issue.record("never exhausted")
    }

    @Test func acknowledgeStopsTheTimer() throws {
        let incident = Incident.make()
        let state = try #require(created().state)
        let change = try incident.applying(.acknowledge, at: at(minutes: 1), by: alice)
        let plan = EscalationRules.plan(
            for: change, previous: incident, state: state, policy: policy, now: at(minutes: 1))
        #expect(plan.page == nil)
        #expect(plan.state?.nextEscalationAt == nil)
        #expect(plan.state?.level == 0)
    }

    @Test func aStoppedTimerOfAnUntriggeredIncidentIsStoppedNotFired() throws {
        let incident = Incident.make(status: .acknowledged)
        let state = try #require(created().state)
        #expect(
            EscalationRules.timer(incident: incident, state: state, policy: policy, now: at(minutes: 6))
                == .stop(EscalationState(incidentID: 7, policyID: 1)))
    }

    @Test func manualEscalatePagesTheNextLevelAndRestartsItsTimer() throws {
        let incident = Incident.make()
        let state = try #require(created().state)
        let change = try incident.applying(.escalate, at: at(minutes: 2), by: alice)
        let plan = EscalationRules.plan(
            for: change, previous: incident, state: state, policy: policy, now: at(minutes: 2))
        #expect(plan.page == 1)
        #expect(plan.state?.nextEscalationAt == at(minutes: 12))
        #expect(plan.change.events.first?.message == "Escalated to level 1")
    }

    @Test func manualEscalateWhileAcknowledgedPagesButKeepsTheTimerStopped() throws {
        let incident = Incident.make(status: .acknowledged)
        var state = try #require(created().state)
        state.nextEscalationAt = nil
        let change = try incident.applying(.escalate, at: at(minutes: 2), by: alice)
        let plan = EscalationRules.plan(
            for: change, previous: incident, state: state, policy: policy, now: at(minutes: 2))
        #expect(plan.page == 1)
        #expect(plan.state?.nextEscalationAt == nil)
    }

    @Test func manualEscalateAfterTheLastLevelWrapsToLevelZeroOfTheNextPass() throws {
        let incident = Incident.make(escalationLevel: 1)
        let state = EscalationState(incidentID: 7, policyID: 1, level: 1, cycle: 0, nextEscalationAt: at(minutes: 9))
        let change = try incident.applying(.escalate, at: at(minutes: 3), by: alice)
        #expect(change.incident.escalationLevel == 2)
        let plan = EscalationRules.plan(
            for: change, previous: incident, state: state, policy: policy, now: at(minutes: 3))
        #expect(plan.page == 0)
        #expect(plan.change.incident.escalationLevel == 0)
        #expect(plan.state?.cycle == 1)
        #expect(plan.change.events.first?.message == "Escalated to level 0 (pass 2)")
    }

    @Test func manualEscalateOfAnExhaustedPolicyPagesTheLastLevelAgain() throws {
        let incident = Incident.make(escalationLevel: 1)
        let state = EscalationState(incidentID: 7, policyID: 1, level: 1, cycle: 1, nextEscalationAt: at(minutes: 9))
        let change = try incident.applying(.escalate, at: at(minutes: 3), by: alice, note: "need the DBA")
        let plan = EscalationRules.plan(
            for: change, previous: incident, state: state, policy: policy, now: at(minutes: 3))
        #expect(plan.page == 1)
        #expect(plan.change.incident.escalationLevel == 1)
        #expect(plan.state?.exhausted == true)
        #expect(plan.state?.nextEscalationAt == nil)
        #expect(plan.change.events.map(\.kind) == [.escalated, .escalationExhausted])
        #expect(
            plan.change.events[0].message
                == "Escalated: the escalation policy has no further level, level 1 paged again: need the DBA")

        // Asking once more pages the same level once more, without announcing the exhaustion twice.
        let escalated = plan.change.incident
        let again = try escalated.applying(.escalate, at: at(minutes: 4), by: alice)
        let second = EscalationRules.plan(
            for: again, previous: escalated, state: plan.state, policy: policy, now: at(minutes: 4))
        #expect(second.page == 1)
        #expect(second.change.events.map(\.kind) == [.escalated])
    }

    @Test func anEscalationBySomethingOtherThanAPersonPastTheEndPagesNobody() throws {
        let incident = Incident.make(escalationLevel: 1)
        let state = EscalationState(incidentID: 7, policyID: 1, level: 1, cycle: 1, nextEscalationAt: at(minutes: 9))
        let change = try incident.applying(.escalate, at: at(minutes: 3), by: .system)
        let plan = EscalationRules.plan(
            for: change, previous: incident, state: state, policy: policy, now: at(minutes: 3))
        #expect(plan.page == nil)
        #expect(plan.change.events.map(\.kind) == [.escalated, .escalationExhausted])
        #expect(plan.change.events[0].message == "Escalated, but the escalation policy is exhausted")
    }

    @Test func reopenStartsAgainAtLevelZero() throws {
        let incident = Incident.make(status: .resolved, escalationLevel: 1)
        let state = EscalationState(incidentID: 7, policyID: 1, level: 1, cycle: 1, exhausted: true)
        let change = try incident.applying(.reopen, at: at(minutes: 40), by: alice)
        let plan = EscalationRules.plan(
            for: change, previous: incident, state: state, policy: policy, now: at(minutes: 40))
        #expect(plan.page == 0)
        #expect(
            plan.state
                == EscalationState(incidentID: 7, policyID: 1, level: 0, cycle: 0, nextEscalationAt: at(minutes: 45)))
    }

    @Test func levelsThatReachNobodyAreNamed() {
        let users = [
            "alice": User(
                id: 1, handle: "alice", name: "Alice", timeZone: "UTC", contact: ContactMethods(email: "a@example.com"),
                createdAt: t0),
            "bob": User(id: 2, handle: "bob", name: "Bob", timeZone: "UTC", createdAt: t0),
        ]
        let empty = Schedule(id: 1, name: "empty", rotations: [], createdAt: t0)
        let levels = [
            EscalationLevel(delayMinutes: 5, targets: [.user("alice")]),
            EscalationLevel(delayMinutes: 5, targets: [.user("bob"), .schedule("empty")]),
            EscalationLevel(delayMinutes: 5, targets: [.webhook("https://hooks.example.com/x")]),
            EscalationLevel(delayMinutes: 5, targets: [.user("nobody")]),
        ]
        let problems = EscalationPolicy.reachabilityProblems(of: levels, users: users, schedules: ["empty": empty])
        #expect(problems.map(\.field) == ["levels.1.targets", "levels.3.targets"])
        #expect(
            problems.first?.message
                == "level 1 can reach nobody: user bob has no contact methods; schedule empty is empty")
    }

    @Test func policyValidation() {
        let body = NewEscalationPolicy(
            name: "p", levels: [EscalationLevel(delayMinutes: 0, targets: [.webhook("ftp://x")])], repeatCount: 11)
        let fields = fieldErrors { _ = try body.validate() }?.map(\.field) ?? []
        #expect(fields == ["levels.0.delay_minutes", "levels.0.targets.0.webhook", "repeat"])
        #expect(
            fieldErrors { _ = try NewEscalationPolicy(name: "p", levels: []).validate() }?.map(\.field) == ["levels"])
    }

    @Test func userValidationDefaultsAndLimits() throws {
        let draft = try NewUser(handle: "alice", name: "Alice").validate()
        #expect(draft.timeZone == "UTC")
        #expect(draft.workingHours == .standard)
        let bad = NewUser(
            handle: "Alice", name: "", timeZone: "Europe/Nowhere",
            workingHours: .init(start: "09:00", end: "09:00", days: [0]), webhookURL: "not a url",
            slackWebhookURL: "ftp://x", email: "alice")
        let fields = fieldErrors { _ = try bad.validate() }?.map(\.field) ?? []
        #expect(
            fields == [
                "handle", "name", "time_zone", "working_hours.days", "working_hours.end", "webhook_url",
                "slack_webhook_url", "email",
            ])
    }

    /// A night shift's hours end the next morning; the toil report counts them to the day they start on.
    @Test func workingHoursMayEndPastMidnight() throws {
        let night = try NewUser(
            handle: "nora", name: "Nora", workingHours: .init(start: "22:00", end: "06:00", days: [1, 2, 3, 4, 5])
        ).validate()
        #expect(night.workingHours.start == LocalTime(hour: 22, minute: 0))
        #expect(night.workingHours.end == LocalTime(hour: 6, minute: 0))
    }
}
