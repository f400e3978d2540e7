import Foundation
import Testing

@testable import IncidentDomain

@Suite struct TransitionTests {
    @Test func acknowledgeSetsAcknowledgedAtAndBumpsVersion() throws {
        let change = try Incident.make().applying(.acknowledge, at: at(minutes: 5), by: alice)
        #expect(change.incident.status == .acknowledged)
        #expect(change.incident.acknowledgedAt == at(minutes: 5))
        #expect(change.incident.mitigatedAt == nil)
        #expect(change.incident.version == 2)
        #expect(change.incident.updatedAt == at(minutes: 5))
        #expect(change.events.count == 1)
        #expect(change.events[0].message == "Acknowledged")
        #expect(change.events[0].data == ["from": "triggered", "to": "acknowledged"])
    }

    @Test func mitigateFromTriggeredImpliesAcknowledgementWithTwoEvents() throws {
        let change = try Incident.make().applying(.mitigate, at: at(minutes: 6), by: alice)
        #expect(change.incident.status == .mitigated)
        #expect(change.incident.acknowledgedAt == at(minutes: 6))
        #expect(change.incident.mitigatedAt == at(minutes: 6))
        #expect(change.incident.version == 2)
        #expect(change.events.map(\.kind) == [.acknowledged, .mitigated])
        #expect(change.events[0].data["implicit"] == true)
        #expect(change.events[1].data["from"] == "acknowledged")
    }

    @Test func mitigateFromAcknowledgedKeepsTheFirstAcknowledgement() throws {
        let change = try Incident.make(status: .acknowledged).applying(.mitigate, at: at(minutes: 8), by: alice)
        #expect(change.incident.acknowledgedAt == at(minutes: 1))
        #expect(change.incident.mitigatedAt == at(minutes: 8))
        #expect(change.events.map(\.kind) == [.mitigated])
    }

    @Test func resolvingATriggeredIncidentLeavesItUnacknowledged() throws {
        let change = try Incident.make().applying(.resolve, at: at(minutes: 2), by: .system)
        #expect(change.incident.status == .resolved)
        #expect(change.incident.resolvedAt == at(minutes: 2))
        #expect(change.incident.acknowledgedAt == nil)
        #expect(change.incident.mitigatedAt == nil)
    }

    @Test func escalateRaisesLevelAndKeepsStatus() throws {
        let change = try Incident.make(status: .acknowledged, escalationLevel: 1).applying(
            .escalate, at: at(minutes: 4), by: .system)
        #expect(change.incident.status == .acknowledged)
        #expect(change.incident.escalationLevel == 2)
        #expect(change.incident.severity == .sev3)
        #expect(change.events[0].message == "Escalated to level 2")
        #expect(change.events[0].data["escalation_level"] == 2)
        #expect(change.events[0].data["severity_new"] == nil)
    }

    @Test func escalateWithAHigherSeverityRaisesIt() throws {
        let change = try Incident.make(severity: .sev3).applying(
            .escalate, at: at(minutes: 4), by: alice, severity: .sev1)
        #expect(change.incident.severity == .sev1)
        #expect(change.incident.escalationLevel == 1)
        #expect(change.events[0].data["severity_old"] == "sev3")
        #expect(change.events[0].data["severity_new"] == "sev1")
        #expect(change.events[0].message == "Escalated to level 1, severity sev3 to sev1")
    }

    @Test func escalateWithTheSameSeverityOnlyRaisesTheLevel() throws {
        let change = try Incident.make(severity: .sev2).applying(
            .escalate, at: at(minutes: 4), by: alice, severity: .sev2)
        #expect(change.incident.severity == .sev2)
        #expect(change.incident.escalationLevel == 1)
        #expect(change.events[0].data["severity_new"] == nil)
    }

    @Test func escalateNeverLowersTheSeverity() {
        let errors = fieldErrors {
            _ = try Incident.make(severity: .sev2).applying(.escalate, at: at(minutes: 4), by: alice, severity: .sev4)
        }
        #expect(errors?.map(\.field) == ["severity"])
    }

    @Test func reopenClearsResolutionAndRestartsEscalationButKeepsFirstResponse() throws {
        let resolved = Incident.make(status: .resolved, escalationLevel: 3, version: 6)
        let change = try resolved.applying(.reopen, at: at(minutes: 30), by: .system)
        #expect(change.incident.status == .triggered)
        #expect(change.incident.resolvedAt == nil)
        #expect(change.incident.escalationLevel == 0)
        #expect(change.incident.acknowledgedAt == at(minutes: 1))
        #expect(change.incident.version == 7)
        #expect(change.events[0].kind == .reopened)
        #expect(change.events[0].data["escalation_level_before"] == 3)
    }

    @Test func acknowledgingAReopenedIncidentKeepsTheFirstAcknowledgement() throws {
        let reopened = try Incident.make(status: .resolved).applying(.reopen, at: at(minutes: 30), by: .system).incident
        let acknowledged = try reopened.applying(.acknowledge, at: at(minutes: 31), by: alice).incident
        #expect(acknowledged.acknowledgedAt == at(minutes: 1))
        #expect(acknowledged.status == .acknowledged)
    }

    @Test func closeSetsClosedAtAndRecordsForce() throws {
        let plain = try Incident.make(status: .resolved).applying(.close, at: at(minutes: 40), by: alice)
        #expect(plain.incident.closedAt == at(minutes: 40))
        #expect(plain.events[0].data["forced"] == nil)
        let forced = try Incident.make(status: .resolved).applying(.close, at: at(minutes: 40), by: alice, force: true)
        #expect(forced.events[0].data["forced"] == true)
        #expect(forced.events[0].message == "Closed (forced)")
    }

    @Test func noteFollowsTheMessageAndIsKeptInData() throws {
        let change = try Incident.make().applying(.acknowledge, at: at(minutes: 1), by: alice, note: "  on it \n")
        #expect(change.events[0].message == "Acknowledged: on it")
        #expect(change.events[0].data["note"] == "on it")
        let escalated = try Incident.make().applying(
            .escalate, at: at(minutes: 1), by: alice, severity: .sev1, note: "db on fire")
        #expect(escalated.events[0].message == "Escalated to level 1, severity sev3 to sev1: db on fire")
        let blank = try Incident.make().applying(.acknowledge, at: at(minutes: 1), by: alice, note: "   ")
        #expect(blank.events[0].message == "Acknowledged")
    }

    @Test func optionsForOtherActionsAreFieldErrorsReportedTogether() {
        let errors = fieldErrors {
            _ = try Incident.make().applying(.acknowledge, at: t0, by: alice, severity: .sev1, force: true)
        }
        #expect(errors?.map(\.field) == ["severity", "force"])
    }

    @Test func badInputIsReportedBeforeTheTransitionConflict() {
        let errors = fieldErrors {
            _ = try Incident.make(status: .closed).applying(.resolve, at: t0, by: alice, severity: .sev1)
        }
        #expect(errors?.map(\.field) == ["severity"])
    }

    @Test func noteAtLimitIsAccepted() throws {
        let note = String(repeating: "n", count: 10_000)
        let change = try Incident.make().applying(.acknowledge, at: t0, by: alice, note: note)
        #expect(change.events[0].data["note"] == .string(note))
        #expect(change.events[0].message == "Acknowledged: " + note)
    }

    @Test func noteOverLimitIsAFieldError() {
        let errors = fieldErrors {
            _ = try Incident.make().applying(
                .acknowledge, at: t0, by: alice, note: String(repeating: "n", count: 10_001))
        }
        #expect(errors?.map(\.field) == ["note"])
    }

    @Test func versionCheckComparesWithTheStoredVersion() throws {
        let incident = Incident.make(version: 3)
        try incident.check(expectedVersion: 3)
        try incident.check(expectedVersion: nil)
        #expect(throws: IncidentError.versionMismatch(expected: 2, actual: 3)) {
            try incident.check(expectedVersion: 2)
        }
    }

    @Test func errorDescriptionNamesStatusAndAllowedActions() {
        let error = IncidentError.invalidTransition(from: .resolved, action: .acknowledge, allowed: [.close, .reopen])
        #expect(error.description == "cannot acknowledge an incident that is resolved (allowed: close, reopen)")
    }
}
