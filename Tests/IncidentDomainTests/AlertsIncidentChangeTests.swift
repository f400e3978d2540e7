import Foundation
import Testing

@testable import IncidentDomain

@Suite struct AlertsIncidentChangeTests {
    func alert(_ action: AlertAction, severity: Severity = .sev3) -> NormalizedAlert {
        NormalizedAlert(
            source: .alertmanager, action: action, dedupKey: "checkout-latency", alertKey: "a1",
            title: "Checkout latency", alertTitle: "p99 on checkout-2", summary: "", severity: severity,
            labels: [:], serviceHint: nil, startsAt: t0)
    }

    @Test func resendChangesNothing() throws {
        let incident = Incident.make()
        let change = try incident.applying(
            .attach(7, newAlert: false, raiseSeverity: nil), for: alert(.trigger), at: at(minutes: 5))
        #expect(change.isEmpty)
        #expect(change.incident == incident)
    }

    @Test func newAlertIsTimelineOnly() throws {
        let incident = Incident.make()
        let change = try incident.applying(
            .attach(7, newAlert: true, raiseSeverity: nil), for: alert(.trigger), at: at(minutes: 5))
        #expect(change.incident == incident)
        #expect(change.events.map(\.kind) == [.alertReceived])
        #expect(change.events[0].actor == Principal(kind: .integration, name: "alertmanager"))
    }

    @Test func raisedSeverityIsAFieldChangeWithANewVersion() throws {
        let incident = Incident.make(severity: .sev3)
        let change = try incident.applying(
            .attach(7, newAlert: true, raiseSeverity: .sev1), for: alert(.trigger, severity: .sev1), at: at(minutes: 5))
        #expect(change.incident.severity == .sev1)
        #expect(change.incident.version == 2)
        #expect(change.incident.updatedAt == at(minutes: 5))
        #expect(change.events.map(\.kind) == [.alertReceived, .fieldChanged])
        #expect(change.fieldChanges == [FieldChange(field: "severity", old: "sev3", new: "sev1")])
    }

    @Test func reopenRecordsTheAlertThenTheReopen() throws {
        let change = try Incident.make(status: .resolved).applying(
            .reopen(7, raiseSeverity: nil), for: alert(.trigger), at: at(minutes: 10))
        #expect(change.incident.status == .triggered)
        #expect(change.incident.resolvedAt == nil)
        #expect(change.events.map(\.kind) == [.alertReceived, .reopened])
        #expect(change.events[1].message == "Reopened: Alert fired again: p99 on checkout-2")
    }

    /// The page a reopen sends is built from the changed incident: it must already carry the worse severity.
    @Test func aReopenByAMoreSevereAlertRaisesTheSeverityInTheSameChange() throws {
        let resolved = Incident.make(status: .resolved, severity: .sev3)
        let change = try resolved.applying(
            .reopen(7, raiseSeverity: .sev1), for: alert(.trigger, severity: .sev1), at: at(minutes: 10))
        #expect(change.incident.status == .triggered)
        #expect(change.incident.severity == .sev1)
        #expect(change.incident.version == resolved.version + 1, "one change, one version")
        #expect(change.events.map(\.kind) == [.alertReceived, .reopened, .fieldChanged])
        #expect(change.events[2].message == "Changed severity from sev3 to sev1: p99 on checkout-2")
    }

    @Test func lastResolveResolvesTheIncident() throws {
        let change = try Incident.make(status: .acknowledged).applying(
            .resolve(7), for: alert(.resolve), at: at(minutes: 9))
        #expect(change.incident.status == .resolved)
        #expect(change.incident.resolvedAt == at(minutes: 9))
        #expect(change.events.map(\.kind) == [.alertReceived, .resolved])
        #expect(change.events[0].message == "Alert resolved: p99 on checkout-2")
    }

    @Test func acknowledgeAndPartialResolve() throws {
        let acknowledged = try Incident.make().applying(.acknowledge(7), for: alert(.acknowledge), at: at(minutes: 2))
        #expect(acknowledged.incident.status == .acknowledged)
        #expect(acknowledged.incident.acknowledgedAt == at(minutes: 2))
        let partial = try Incident.make().applying(.resolveAlert(7), for: alert(.resolve), at: at(minutes: 2))
        #expect(partial.incident.status == .triggered)
        #expect(partial.events.map(\.kind) == [.alertReceived])
    }

    /// A store that encodes the event data before its transaction asks for the events without it: the same events
    /// otherwise, for every decision that records the alert.
    @Test func receivedEventDataStoredApartLeavesOnlyTheDataOut() throws {
        let cases: [(Incident, AlertDecision, AlertAction)] = [
            (Incident.make(), .attach(7, newAlert: true, raiseSeverity: .sev1), .trigger),
            (Incident.make(status: .resolved), .reopen(7, raiseSeverity: nil), .trigger),
            (Incident.make(), .acknowledge(7), .acknowledge),
            (Incident.make(), .resolveAlert(7), .resolve),
            (Incident.make(status: .acknowledged), .resolve(7), .resolve),
        ]
        for (incident, decision, action) in cases {
            let full = try incident.applying(decision, for: alert(action), at: at(minutes: 3))
            let apart = try incident.applying(
                decision, for: alert(action), at: at(minutes: 3), receivedEventDataStoredApart: true)
            #expect(apart.incident == full.incident)
            #expect(full.events.first?.data == alert(action).receivedEventData)
            #expect(full.events.first?.data.isEmpty == false)
            var withoutData = full.events
            withoutData[0].data = [:]
            #expect(apart.events == withoutData)
        }
    }

    @Test func staleDecisionIsAnInvalidTransition() {
        #expect(throws: IncidentError.self) {
            _ = try Incident.make(status: .closed).applying(
                .reopen(7, raiseSeverity: nil), for: alert(.trigger), at: at(minutes: 9))
        }
    }
}
