import Foundation
import Testing

@testable import IncidentDomain

@Suite struct AlertsGroupingTests {
    let grouping = AlertGrouping()
    let service = ServiceReference.name("checkout")

    /// An alert from `source` with key `alertKey` in incident key `checkout-latency`.
    func alert(
        _ action: AlertAction, source: AlertSource = .alertmanager, alertKey: String = "a1", severity: Severity = .sev3
    ) -> NormalizedAlert {
        NormalizedAlert(
            source: source, action: action, dedupKey: "checkout-latency", alertKey: alertKey,
            title: "Checkout latency", summary: "p99 above 2 s", severity: severity,
            labels: ["service": "checkout", "bad:key": "dropped"], serviceHint: "checkout", startsAt: t0)
    }

    /// An incident resolved at `at(minutes: 3)` (see `Incident.make`).
    var resolved: Incident { .make(status: .resolved) }

    @Test func triggerWithoutIncidentOpensOne() {
        let decision = grouping.decide(alert(.trigger), service: service, existing: nil, firingAlertKeys: [], now: t0)
        guard case .open(let draft) = decision else {
            Issue.record("expected open, got \(decision)")
            return
        }
        #expect(draft.title == "Checkout latency")
        #expect(draft.service == service)
        #expect(draft.dedupKey == "checkout-latency")
        #expect(draft.labels == ["service": "checkout"])
    }

    @Test(arguments: [IncidentStatus.triggered, .acknowledged, .mitigated])
    func triggerOnOpenIncidentAttaches(status: IncidentStatus) {
        let incident = Incident.make(status: status)
        #expect(
            grouping.decide(alert(.trigger), service: service, existing: incident, firingAlertKeys: [], now: t0)
                == .attach(7, newAlert: true, raiseSeverity: nil))
        #expect(
            grouping.decide(alert(.trigger), service: service, existing: incident, firingAlertKeys: ["a1"], now: t0)
                == .attach(7, newAlert: false, raiseSeverity: nil))
    }

    @Test func moreSevereAlertRaisesTheIncidentLessSevereDoesNot() {
        let incident = Incident.make(severity: .sev3)
        #expect(
            grouping.decide(
                alert(.trigger, alertKey: "a2", severity: .sev1), service: service, existing: incident,
                firingAlertKeys: ["a1"], now: t0) == .attach(7, newAlert: true, raiseSeverity: .sev1))
        #expect(
            grouping.decide(
                alert(.trigger, alertKey: "a2", severity: .sev4), service: service, existing: incident,
                firingAlertKeys: ["a1"], now: t0) == .attach(7, newAlert: true, raiseSeverity: nil))
    }

    @Test(arguments: [AlertSource.alertmanager, .grafana, .generic])
    func triggerAtTheEndOfTheReopenWindowReopens(source: AlertSource) {
        let decision = grouping.decide(
            alert(.trigger, source: source), service: service, existing: resolved, firingAlertKeys: [],
            now: at(minutes: 33))
        #expect(decision == .reopen(7, raiseSeverity: nil))
    }

    @Test func triggerPastTheReopenWindowOpensANewIncident() {
        let decision = grouping.decide(
            alert(.trigger), service: service, existing: resolved, firingAlertKeys: [],
            now: at(minutes: 33).addingTimeInterval(0.001))
        guard case .open = decision else {
            Issue.record("expected open, got \(decision)")
            return
        }
    }

    @Test(arguments: [AlertSource.pagerDuty, .opsgenie])
    func pagerDutyAndOpsgenieOpenANewIncidentAfterResolve(source: AlertSource) {
        let decision = grouping.decide(
            alert(.trigger, source: source), service: service, existing: resolved, firingAlertKeys: [],
            now: at(minutes: 4))
        guard case .open = decision else {
            Issue.record("expected open, got \(decision)")
            return
        }
    }

    @Test func resendOfAnAlertStillFiringWhenResolvedByHandIsIgnored() {
        #expect(
            grouping.decide(
                alert(.trigger), service: service, existing: resolved, firingAlertKeys: ["a1"], now: at(minutes: 4))
                == .ignore(.stillFiringAfterManualResolve))
    }

    @Test func aMoreSevereAlertStillFiringAfterAResolveByHandReopensWithTheNewSeverity() {
        #expect(
            grouping.decide(
                alert(.trigger, severity: .sev1), service: service, existing: resolved, firingAlertKeys: ["a1"],
                now: at(minutes: 4)) == .reopen(7, raiseSeverity: .sev1))
    }

    /// Someone lowered a critical incident to sev4 and resolved it while the alert still fired: the alert's
    /// unchanged re-send is not "worse" (it is what the person already judged), so it is ignored.
    @Test func anUnchangedResendIsNotWorseThanAnIncidentLoweredByHand() {
        let lowered = Incident.make(status: .resolved, severity: .sev4)
        #expect(
            grouping.decide(
                alert(.trigger, severity: .sev1), service: service, existing: lowered, firingAlertKeys: ["a1"],
                storedSeverity: .sev1, now: at(minutes: 4)) == .ignore(.stillFiringAfterManualResolve))
        #expect(
            grouping.decide(
                alert(.trigger, severity: .sev1), service: service, existing: lowered, firingAlertKeys: ["a1"],
                storedSeverity: .sev2, now: at(minutes: 4)) == .reopen(7, raiseSeverity: .sev1),
            "worse than it was stored is worse")
    }

    /// A resolve by hand holds against re-sends for `manualResolveHold`; a sender that only ever triggers is not
    /// muted for good.
    @Test func aResolveByHandHoldsAgainstResendsOnlyForTheHold() {
        // Default: hold and reopen window both 30 minutes, so past the hold a still-firing alert opens anew.
        let past = grouping.decide(
            alert(.trigger), service: service, existing: resolved, firingAlertKeys: ["a1"],
            now: at(minutes: 33).addingTimeInterval(1))
        guard case .open = past else {
            Issue.record("expected open, got \(past)")
            return
        }
        #expect(
            grouping.decide(
                alert(.trigger), service: service, existing: resolved, firingAlertKeys: ["a1"], now: at(minutes: 33))
                == .ignore(.stillFiringAfterManualResolve))
        // A longer reopen window than hold: past the hold, the incident reopens.
        let patient = AlertGrouping(configuration: .init(reopenWindow: 3600, manualResolveHold: 600))
        #expect(
            patient.decide(
                alert(.trigger), service: service, existing: resolved, firingAlertKeys: ["a1"], now: at(minutes: 14))
                == .reopen(7, raiseSeverity: nil))
        #expect(
            patient.decide(
                alert(.trigger), service: service, existing: resolved, firingAlertKeys: ["a1"], now: at(minutes: 12))
                == .ignore(.stillFiringAfterManualResolve))
    }

    @Test func zeroWindowNeverReopens() {
        let strict = AlertGrouping(configuration: .init(reopenWindow: 0))
        let decision = strict.decide(
            alert(.trigger), service: service, existing: resolved, firingAlertKeys: [], now: at(minutes: 3))
        guard case .open = decision else {
            Issue.record("expected open, got \(decision)")
            return
        }
    }

    @Test func triggerForAClosedIncidentOpensANewOne() {
        let decision = grouping.decide(
            alert(.trigger), service: service, existing: .make(status: .closed), firingAlertKeys: [],
            now: at(minutes: 5))
        guard case .open = decision else {
            Issue.record("expected open, got \(decision)")
            return
        }
    }

    @Test func acknowledgeTable() {
        let ack = alert(.acknowledge, source: .pagerDuty)
        let cases: [(Incident?, AlertDecision)] = [
            (.make(status: .triggered), .acknowledge(7)),
            (.make(status: .acknowledged), .ignore(.alreadyAcknowledged)),
            (.make(status: .mitigated), .ignore(.alreadyAcknowledged)),
            (.make(status: .resolved), .ignore(.noOpenIncident)),
            (.make(status: .closed), .ignore(.noOpenIncident)),
            (nil, .ignore(.noOpenIncident)),
        ]
        for (incident, expected) in cases {
            #expect(
                grouping.decide(ack, service: service, existing: incident, firingAlertKeys: [], now: t0) == expected)
        }
    }

    @Test func resolveTable() {
        let open = Incident.make(status: .acknowledged)
        let cases: [(Incident?, Set<String>, AlertDecision)] = [
            (open, ["a1"], .resolve(7)),
            (open, [], .resolve(7)),
            (open, ["a1", "a2"], .resolveAlert(7)),
            (open, ["a2"], .ignore(.alertNotFiring)),
            (.make(status: .resolved), ["a1"], .ignore(.noOpenIncident)),
            (.make(status: .closed), [], .ignore(.noOpenIncident)),
            (nil, [], .ignore(.noOpenIncident)),
        ]
        for (incident, firing, expected) in cases {
            #expect(
                grouping.decide(alert(.resolve), service: service, existing: incident, firingAlertKeys: firing, now: t0)
                    == expected)
        }
    }

    @Test func alertmanagerGroupPlaysOutAsOneIncident() throws {
        // The store's part, played by hand: the first firing alert opens, the resolved one resolves only itself.
        let alerts = try AlertFixtures.decode(AlertmanagerWebhook.self, AlertFixtures.alertmanagerGroup).normalized(
            now: t0)
        var firing: Set<String> = []
        var incident: Incident?
        var decisions: [AlertDecision] = []
        for alert in alerts {
            let decision = grouping.decide(
                alert, service: alert.routedService, existing: incident, firingAlertKeys: firing, now: t0)
            decisions.append(decision)
            if case .open(let draft) = decision {
                incident =
                    draft.creation(
                        id: 7, service: ServiceRef(id: 1, name: "checkout"), by: alert.source.principal, at: t0
                    ).incident
            }
            if alert.action == .trigger { firing.insert(alert.alertKey) } else { firing.remove(alert.alertKey) }
        }
        #expect(decisions.count == 2)
        #expect(incident?.severity == .sev1)
        #expect(decisions[1] == .ignore(.alertNotFiring))
        #expect(firing == ["0f1e2d3c4b5a6978"])
    }
}
