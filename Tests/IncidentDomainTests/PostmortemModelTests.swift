import Foundation
import Testing

@testable import IncidentDomain

@Suite struct PostmortemModelTests {
    static func event(
        _ id: Int64, _ minutes: Double, _ kind: TimelineEventKind, _ actor: Principal, data: [String: JSONValue] = [:]
    ) -> TimelineEvent {
        TimelineEvent(
            id: TimelineEventID(id), incidentID: 7, at: at(minutes: minutes), kind: kind, actor: actor, message: "",
            data: data)
    }

    static func alert(startsMinutesBefore: Double, receivedAt minutes: Double, id: Int64 = 1) -> StoredAlert {
        StoredAlert(
            id: id, incidentID: 7, source: .alertmanager, dedupKey: "k", alertKey: "a\(id)", status: .firing,
            title: "HighErrorRate", severity: .sev2, labels: ["service": "checkout"], annotations: [:],
            links: [AlertLink(href: "http://prometheus.example/graph", text: "Source")], details: [:],
            startsAt: t0.addingTimeInterval(-startsMinutesBefore * 60), endsAt: nil, firstSeenAt: at(minutes: minutes),
            lastSeenAt: at(minutes: minutes), resolvedAt: nil, timesSeen: 1)
    }

    static let bob = Principal(kind: .user, name: "bob")

    @Test func authorsAreTheCommanderThenEveryPersonOnTheTimelineButNotKlaxonOrSenders() {
        var incident = Incident.make(status: .resolved, severity: .sev1)
        incident.commander = "carol"
        let timeline = [
            Self.event(1, 0, .created, Principal(kind: .integration, name: "alertmanager")),
            Self.event(2, 5, .paged, .system),
            Self.event(3, 6, .acknowledged, Self.bob),
            Self.event(4, 9, .note, alice),
            Self.event(5, 20, .resolved, Self.bob),
        ]
        let postmortem = Postmortem(
            incident: incident, timeline: timeline, alerts: [], sections: [], actionItems: [], errorBudgetMinutes: nil)
        #expect(postmortem.authors.map(\.description) == ["user:carol", "user:bob", "token:alice"])
    }

    /// An alert that resolved and fired again holds its second start in its row; the timeline still has the first.
    @Test func anAlertThatFiredAgainCountsFromItsFirstStart() {
        var incident = Incident.make(status: .resolved, severity: .sev2)
        incident.resolvedAt = at(minutes: 30)
        var refired = Self.alert(startsMinutesBefore: 0, receivedAt: 0)
        refired.startsAt = at(minutes: 12)
        let firing: (Double) -> [String: JSONValue] = { minutes in
            [
                "action": "trigger", "alert_key": "a1",
                "starts_at": .string(Timestamp.format(at(minutes: minutes))),
            ]
        }
        let timeline = [
            Self.event(1, 0, .created, Principal(kind: .integration, name: "alertmanager")),
            Self.event(2, 0, .alertReceived, Principal(kind: .integration, name: "alertmanager"), data: firing(-2)),
            Self.event(3, 12, .alertReceived, Principal(kind: .integration, name: "alertmanager"), data: firing(12)),
            Self.event(
                4, 13, .alertReceived, Principal(kind: .integration, name: "alertmanager"),
                data: ["action": "resolve", "alert_key": "a1", "starts_at": .string(Timestamp.format(at(minutes: -9)))]),
        ]
        let postmortem = Postmortem(
            incident: incident, timeline: timeline, alerts: [refired], sections: [], actionItems: [],
            errorBudgetMinutes: nil)
        #expect(postmortem.firstAlert?.startsAt == at(minutes: -2), "a resolve's start does not count")
        #expect(postmortem.alerts.first?.startsAt == at(minutes: -2))
        #expect(postmortem.impactStart == at(minutes: -2))
        #expect(postmortem.impactStartSource == "first_alert")
        #expect(postmortem.timeToDetect == 120)
    }

    @Test func impactRunsFromTheFirstAlertsStartToResolutionAndDetectionIsMeasuredFromIt() {
        var incident = Incident.make(status: .resolved, severity: .sev2)
        incident.acknowledgedAt = at(minutes: 4)
        incident.resolvedAt = at(minutes: 62)
        let alerts = [
            Self.alert(startsMinutesBefore: 3, receivedAt: 1, id: 2),
            Self.alert(startsMinutesBefore: 5, receivedAt: 0, id: 1),
        ]
        let postmortem = Postmortem(
            incident: incident, timeline: [], alerts: alerts, sections: [], actionItems: [], errorBudgetMinutes: 12.5)
        #expect(postmortem.impactStart == at(minutes: -5))
        #expect(postmortem.impactStartSource == "first_alert")
        #expect(postmortem.impactDuration == TimeInterval(67 * 60))
        #expect(postmortem.firstAlert?.id == 1)
        #expect(postmortem.timeToDetect == TimeInterval(5 * 60))
        #expect(postmortem.timeToAcknowledge == TimeInterval(9 * 60))
        #expect(postmortem.fields["impact"]?["duration"] == "1 h 7 min")
        #expect(postmortem.fields["impact"]?["error_budget"]?["text"] == "12.5 minutes")
    }

    @Test func anIncidentOpenedByHandStartsAtCreationWithoutTimeToDetect() {
        let incident = Incident.make(status: .triggered)
        let postmortem = Postmortem(
            incident: incident, timeline: [Self.event(1, 0, .created, alice)], alerts: [], sections: [],
            actionItems: [], errorBudgetMinutes: nil)
        #expect(postmortem.impactStart == t0)
        #expect(postmortem.impactStartSource == "created")
        #expect(postmortem.impactDuration == nil)
        #expect(postmortem.timeToDetect == nil)
        #expect(postmortem.fields["detection"]?["opened_by"] == "token:alice")
        #expect(postmortem.fields["impact"]?["error_budget"]?["text"] == "no SLO declared for this service")
        #expect(postmortem.fields["impact"]?["error_budget"]?["declared"] == false)
    }

    @Test func timelineMarksTheLifecycleMilestonesWithEscalationLevels() {
        let timeline = [
            Self.event(1, 0, .created, alice),
            Self.event(2, 1, .paged, .system),
            Self.event(3, 5, .escalated, .system, data: ["escalation_level": 2]),
            Self.event(4, 6, .acknowledged, alice),
            Self.event(5, 7, .mitigated, alice),
            Self.event(6, 8, .note, alice),
            Self.event(7, 9, .resolved, alice),
        ]
        let postmortem = Postmortem(
            incident: .make(), timeline: timeline, alerts: [], sections: [], actionItems: [], errorBudgetMinutes: nil)
        #expect(
            postmortem.timeline.map(\.milestone) == [
                "triggered", nil, "escalated to level 2", "acknowledged", "mitigated", nil, "resolved",
            ])
    }

    @Test func sev1AndSev2NeedRootCausesTriggerAndResolutionToClose() throws {
        let resolved = Incident.make(status: .resolved, severity: .sev2)
        #expect(
            resolved.missingPostmortemSections(written: [.summary], formerSeverities: [])
                == [.rootCauses, .trigger, .resolution])
        #expect(
            resolved.missingPostmortemSections(written: [.rootCauses, .trigger, .resolution], formerSeverities: [])
                == [])
        #expect(
            Incident.make(status: .resolved, severity: .sev3).missingPostmortemSections(
                written: [], formerSeverities: [.sev3, .sev4]) == [])
        #expect(
            throws: IncidentError.postmortemRequired(missing: [.trigger, .resolution], incident: 7, severity: .sev2)
        ) {
            try resolved.closing(
                at: at(minutes: 90), by: alice, force: false, note: nil, written: [.rootCauses], formerSeverities: [])
        }
        let forced = try resolved.closing(
            at: at(minutes: 90), by: alice, force: true, note: nil, written: [], formerSeverities: [])
        #expect(forced.incident.status == .closed)
        #expect(forced.events.last?.data["forced"] == true)
        let complete = try resolved.closing(
            at: at(minutes: 90), by: alice, force: false, note: nil, written: [.rootCauses, .trigger, .resolution],
            formerSeverities: [])
        #expect(complete.events.last?.data["forced"] == nil)
    }

    @Test func theRuleFollowsTheHighestSeverityAnEditLoweredFrom() throws {
        let lowered = Incident.make(status: .resolved, severity: .sev4)
        #expect(lowered.highestSeverity(formerSeverities: [.sev3, .sev1]) == .sev1)
        #expect(
            lowered.missingPostmortemSections(written: [], formerSeverities: [.sev1])
                == [.rootCauses, .trigger, .resolution])
        #expect(
            throws: IncidentError.postmortemRequired(
                missing: [.rootCauses, .trigger, .resolution], incident: 7, severity: .sev2)
        ) {
            try lowered.closing(
                at: at(minutes: 90), by: alice, force: false, note: nil, written: [], formerSeverities: [.sev2])
        }
        let edit = TimelineEvent(
            id: 3, incidentID: 7, at: t0, kind: .fieldChanged, actor: alice, message: "Changed severity",
            data: ["field": "severity", "old": "sev2", "new": "sev4"])
        #expect(edit.severityChangedFrom == .sev2)
        let title = TimelineEvent(
            id: 4, incidentID: 7, at: t0, kind: .fieldChanged, actor: alice, message: "Changed title",
            data: ["field": "title", "old": "sev1", "new": "x"])
        #expect(title.severityChangedFrom == nil)
    }

    @Test func closingAnOpenIncidentIsAnInvalidTransitionBeforeThePostmortemRule() {
        let open = Incident.make(status: .acknowledged, severity: .sev1)
        #expect(
            throws: IncidentError.invalidTransition(from: .acknowledged, action: .close, allowed: open.allowedActions)
        ) {
            try open.closing(at: at(minutes: 90), by: alice, force: false, note: nil, written: [], formerSeverities: [])
        }
    }

    @Test func sectionTextAtTheLimitIsAcceptedAndOnePastIsRefused() throws {
        let limit = DomainLimits.postmortemSectionMaxLength
        #expect(try PostmortemSection.validate(text: String(repeating: "a", count: limit)).count == limit)
        #expect(throws: IncidentError.self) {
            try PostmortemSection.validate(text: String(repeating: "a", count: limit + 1))
        }
        #expect(throws: IncidentError.validation([FieldError(field: "text", message: "must not be empty")])) {
            try PostmortemSection.validate(text: "  \n ")
        }
    }

    @Test(arguments: [
        (45.0, "45 s"), (750, "12 min 30 s"), (7500, "2 h 5 min"), (3600, "1 h"), (97_200, "1 d 3 h"), (0, "0 s"),
    ])
    func durationsShowTheTwoLargestUnits(seconds: Double, text: String) {
        #expect(PostmortemDuration.text(seconds) == text)
    }
}

@Suite struct ActionItemTests {
    static func item(_ id: Int64, due: String?, status: ActionItem.Status = .open) -> ActionItem {
        ActionItem(
            id: ActionItemID(id), incidentID: 7, title: "Item \(id)", kind: .prevent, owner: nil, status: status,
            dueDate: due.flatMap(LocalDate.init(parsing:)), link: nil, createdAt: t0, updatedAt: t0,
            doneAt: status == .done ? t0 : nil)
    }

    @Test func newItemsReportEveryProblemAtOnce() {
        let draft = NewActionItem(
            title: " ", type: "fix", owner: "", dueDate: "2026-02-30", link: "javascript:alert(1)")
        let error = #expect(throws: IncidentError.self) { try draft.validate() }
        guard case .validation(let errors)? = error else {
            Issue.record("expected a validation error, got \(String(describing: error))")
            return
        }
        #expect(errors.map(\.field) == ["title", "type", "owner", "due_date", "link"])
    }

    @Test func linksMustBeHTTPOrHTTPSWithAHost() throws {
        for bad in ["ftp://example.com/x", "https://", "example.com/ticket", "https://exa mple.com"] {
            #expect(throws: IncidentError.self) { try NewActionItem(title: "t", type: "process", link: bad).validate() }
        }
        let good = try NewActionItem(title: "t", type: "process", link: "https://tracker.example/T-1?x=1").validate()
        #expect(good.link == "https://tracker.example/T-1?x=1")
        // Schemes are case-insensitive and stored in lower case; the rest is kept as written.
        let shouted = try NewActionItem(title: "t", type: "process", link: "HTTPS://Tracker.example/T-1").validate()
        #expect(shouted.link == "https://Tracker.example/T-1")
    }

    @Test func listingPutsOverdueFirstThenByDueDateAndUndatedLast() {
        let today = LocalDate(year: 2026, month: 11, day: 27)
        let items = [
            Self.item(1, due: nil), Self.item(2, due: "2026-12-01"), Self.item(3, due: "2026-11-20"),
            Self.item(4, due: "2026-11-27"), Self.item(5, due: "2026-11-20"),
        ]
        let sorted = items.sorted(by: ActionItem.listedBefore)
        #expect(sorted.map(\.id.rawValue) == [3, 5, 4, 2, 1])
        #expect(sorted.map { $0.isOverdue(on: today) } == [true, true, false, false, false])
        #expect(!Self.item(6, due: "2026-11-01", status: .done).isOverdue(on: today))
    }

    @Test func markingDoneRecordsTheChangeOnTheTimelineAndReopeningClearsDoneAt() {
        let open = Self.item(1, due: "2026-12-01")
        let (done, event) = open.applying(ActionItemEdit(status: .done), by: alice, at: at(minutes: 10))
        #expect(done.status == .done)
        #expect(done.doneAt == at(minutes: 10))
        #expect(event?.kind == .actionItemStatusChanged)
        #expect(event?.data["status"] == "done")
        let (reopened, _) = done.applying(ActionItemEdit(status: .open), by: alice, at: at(minutes: 20))
        #expect(reopened.doneAt == nil)
        let (renamed, noEvent) = open.applying(ActionItemEdit(title: "New"), by: alice, at: at(minutes: 30))
        #expect(renamed.title == "New")
        #expect(noEvent == nil)
    }

    @Test func utcDatesFollowTheCalendar() {
        #expect(LocalDate(utc: t0).description == "2026-11-27")
        #expect(LocalDate(utc: Date(timeIntervalSince1970: 951_782_400)).description == "2000-02-29")
    }
}
