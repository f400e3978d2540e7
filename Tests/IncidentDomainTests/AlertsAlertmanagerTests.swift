import Foundation
import Testing

@testable import IncidentDomain

@Suite struct AlertsAlertmanagerTests {
    let groupKey = #"{}/{team="payments"}:{alertname="HighErrorRate", service="checkout"}"#

    func normalizedGroup() throws -> [NormalizedAlert] {
        try AlertFixtures.decode(AlertmanagerWebhook.self, AlertFixtures.alertmanagerGroup).normalized(now: t0)
    }

    @Test func groupBecomesOneTriggerAndOneResolveFiringFirst() throws {
        let alerts = try normalizedGroup()
        #expect(alerts.map(\.action) == [.trigger, .resolve])
        #expect(alerts.map(\.alertKey) == ["0f1e2d3c4b5a6978", "a1b2c3d4e5f60718"])
        #expect(alerts.allSatisfy { $0.dedupKey == groupKey && $0.source == .alertmanager })
    }

    @Test func firingAlertCarriesTitleSeverityServiceTimesAndLinks() throws {
        let firing = try normalizedGroup()[0]
        #expect(firing.title == "HighErrorRate (service=checkout)")
        #expect(firing.alertTitle == "5xx above 5% on checkout-2")
        #expect(firing.summary == "")
        #expect(firing.severity == .sev1)
        #expect(firing.serviceHint == "checkout")
        #expect(firing.routedService == .name("checkout"))
        #expect(firing.startsAt == utc(8, 20))
        #expect(!firing.startsAtIsReceipt)
        #expect(firing.endsAt == nil)
        #expect(firing.incidentLabels == ["alertname": "HighErrorRate", "service": "checkout", "team": "payments"])
        #expect(firing.labels["instance"] == "checkout-2:8080")
        #expect(firing.annotations["runbook_url"] == "https://runbooks.example.com/high-error-rate")
        #expect(
            firing.links == [
                AlertLink(
                    href: "http://prometheus.example.com:9090/graph?g0.expr=job%3Acheckout_errors%3Arate5m+%3E+0.05",
                    text: "Source"),
                AlertLink(href: "http://alertmanager.example.com:9093", text: "Alertmanager"),
            ])
        #expect(firing.details["receiver"] == "klaxon")
        #expect(firing.details["groupKey"] == .string(groupKey))
        #expect(firing.details["fingerprint"] == "0f1e2d3c4b5a6978")
        #expect(firing.details["labels"] == nil)
        #expect(firing.details["truncatedAlerts"] == nil)
    }

    @Test func resolvedAlertKeepsItsEndAndNanosecondStart() throws {
        let resolved = try normalizedGroup()[1]
        #expect(resolved.severity == .sev3)
        #expect(resolved.endsAt == utc(8, 25))
        #expect(Timestamp.milliseconds(resolved.startsAt) == Timestamp.milliseconds(utc(8, 10, 0.123)))
        #expect(resolved.alertTitle == "5xx above 2% on checkout-1")
    }

    @Test func commonSummaryAnnotationIsTheTitleAndDescriptionTheSummary() throws {
        var webhook = try AlertFixtures.decode(AlertmanagerWebhook.self, AlertFixtures.alertmanagerGroup)
        webhook.commonAnnotations = ["summary": "Checkout errors\nsecond line", "description": "Error ratio above SLO"]
        let alert = try webhook.normalized(now: t0)[0]
        #expect(alert.title == "Checkout errors")
        #expect(alert.summary == "Error ratio above SLO")
    }

    @Test func titleFallsBackToGroupLabelsThenReceiver() throws {
        let member = AlertmanagerWebhook.Alert(status: "firing", labels: ["job": "api"])
        let onlyLabels = AlertmanagerWebhook(
            groupKey: "{}:{job=\"api\"}", status: "firing", receiver: "team-a",
            groupLabels: ["job": "api", "env": "prod"],
            alerts: [member])
        #expect(try onlyLabels.normalized(now: t0)[0].title == "Alerts (env=prod, job=api)")
        let nothing = AlertmanagerWebhook(groupKey: "{}:{}", status: "firing", receiver: "team-a", alerts: [member])
        #expect(try nothing.normalized(now: t0)[0].title == "Alerts for team-a")
    }

    @Test func missingFingerprintIsThePrometheusFingerprintOfTheLabels() throws {
        let labels = ["name": "garland, briggs", "fear": "love is not enough"]
        let webhook = AlertmanagerWebhook(
            groupKey: "{}:{}", status: "firing", alerts: [AlertmanagerWebhook.Alert(status: "firing", labels: labels)])
        let alert = try webhook.normalized(now: t0)[0]
        #expect(alert.alertKey == "507a62d79ee76c9a")
        #expect(alert.startsAt == t0)
        #expect(alert.startsAtIsReceipt)
        #expect(alert.severity == .sev3)
    }

    @Test func firingAlertsComeMostSevereFirstKeepingTheSendersOrderOtherwise() throws {
        func member(_ name: String, _ severity: String) -> AlertmanagerWebhook.Alert {
            AlertmanagerWebhook.Alert(status: "firing", labels: ["alertname": name, "severity": severity])
        }
        let webhook = AlertmanagerWebhook(
            groupKey: "{}:{}", status: "firing",
            alerts: [member("a", "info"), member("b", "critical"), member("c", "info"), member("d", "warning")])
        #expect(try webhook.normalized(now: t0).map(\.alertTitle) == ["b", "d", "a", "c"])
    }

    @Test func truncatedAlertsAreKeptInTheDetails() throws {
        var webhook = try AlertFixtures.decode(AlertmanagerWebhook.self, AlertFixtures.alertmanagerGroup)
        webhook.truncatedAlerts = 12
        #expect(try webhook.normalized(now: t0)[0].details["truncatedAlerts"] == 12)
    }

    @Test func groupWhoseAlertsNameDifferentServicesGoesToTheDefaultService() throws {
        let webhook = AlertmanagerWebhook(
            groupKey: "{}:{alertname=\"Down\"}", status: "firing", commonLabels: ["alertname": "Down"],
            alerts: [
                AlertmanagerWebhook.Alert(status: "firing", labels: ["alertname": "Down", "service": "checkout"]),
                AlertmanagerWebhook.Alert(status: "firing", labels: ["alertname": "Down", "service": "search"]),
            ])
        let alerts = try webhook.normalized(now: t0)
        #expect(alerts.map(\.serviceHint) == [nil, nil])
        #expect(alerts.map(\.routedService) == [.name("default"), .name("default")])
    }

    @Test func emptyAlertListIsNoAlerts() throws {
        let webhook = AlertmanagerWebhook(groupKey: "{}:{}", status: "resolved", alerts: [])
        #expect(try webhook.normalized(now: t0).isEmpty)
    }

    @Test func longGroupKeyIsHashedIntoADedupKey() throws {
        let key = "{}:{" + String(repeating: "x", count: 300) + "}"
        let webhook = AlertmanagerWebhook(
            groupKey: key, status: "firing", alerts: [AlertmanagerWebhook.Alert(status: "firing", labels: ["a": "b"])])
        let alert = try webhook.normalized(now: t0)[0]
        #expect(alert.dedupKey == AlertKey.dedupKey(fromSenderKey: key))
        #expect(alert.dedupKey.hasPrefix("fnv1a64:"))
        #expect(alert.details["groupKey"] == .string(key))
    }

    @Test func otherVersionIsRefusedByName() {
        let webhook = AlertmanagerWebhook(version: "3", groupKey: "{}:{}", status: "firing", alerts: [])
        let errors = fieldErrors { _ = try webhook.normalized(now: t0) }
        #expect(errors?.map(\.field) == ["version"])
        #expect(errors?.first?.message.contains("\"3\"") == true)
        #expect(errors?.first?.message.contains("\"4\"") == true)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let webhook = AlertmanagerWebhook(
            version: nil, groupKey: " ", status: "pending",
            alerts: [
                AlertmanagerWebhook.Alert(status: "firing", labels: ["a": "b"], startsAt: "yesterday"),
                AlertmanagerWebhook.Alert(status: nil, labels: nil, endsAt: "2026-11-27 08:00"),
                AlertmanagerWebhook.Alert(status: "pending", labels: [:]),
            ])
        let errors = fieldErrors { _ = try webhook.normalized(now: t0) }
        #expect(
            errors?.map(\.field) == [
                "version", "groupKey", "status", "alerts[0].startsAt", "alerts[1].status", "alerts[1].labels",
                "alerts[1].endsAt", "alerts[2].status",
            ])
    }

    @Test func missingAlertsIsAnError() {
        let webhook = AlertmanagerWebhook(groupKey: "{}:{}", status: "firing", alerts: nil)
        #expect(fieldErrors { _ = try webhook.normalized(now: t0) }?.map(\.field) == ["alerts"])
    }

    @Test func receivedEventDescribesTheAlert() throws {
        let firing = try normalizedGroup()[0]
        let event = firing.receivedEvent(at: t0)
        #expect(event.kind == .alertReceived)
        #expect(event.actor == Principal(kind: .integration, name: "alertmanager"))
        #expect(event.message == "Alert firing: 5xx above 5% on checkout-2")
        #expect(event.data["alert_key"] == "0f1e2d3c4b5a6978")
        #expect(event.data["dedup_key"] == .string(groupKey))
        #expect(event.data["severity"] == "sev1")
        #expect(event.data["starts_at"] == "2026-11-27T08:20:00.000Z")
        #expect(event.data["labels"]?["instance"] == "checkout-2:8080")
        #expect(event.data["ends_at"] == nil)
    }

    @Test func draftUsesTheGroupForTheIncident() throws {
        let draft = try normalizedGroup()[0].draft(service: .name("checkout"))
        #expect(draft.title == "HighErrorRate (service=checkout)")
        #expect(draft.severity == .sev1)
        #expect(draft.service == .name("checkout"))
        #expect(draft.labels == ["alertname": "HighErrorRate", "service": "checkout", "team": "payments"])
        #expect(draft.dedupKey == groupKey)
    }
}

/// Alerts of one group that share their summary are told apart on the timeline by the labels they do not share.
@Suite struct AlertTimelineDistinctionTests {
    @Test func sameSummaryDifferentInstancesReadDifferently() throws {
        let alert = { (instance: String) in
            AlertmanagerWebhook.Alert(
                status: "firing",
                labels: ["alertname": "Down", "service": "checkout", "instance": instance, "severity": "critical"],
                annotations: ["summary": "Checkout is down"], fingerprint: "f-\(instance)")
        }
        let webhook = AlertmanagerWebhook(
            groupKey: "{}:{alertname=\"Down\"}", status: "firing",
            commonLabels: ["alertname": "Down", "service": "checkout", "severity": "critical"],
            commonAnnotations: ["summary": "Checkout is down"], alerts: [alert("web-1"), alert("web-2")])
        let messages = try webhook.normalized(now: t0).map { $0.receivedEvent(at: t0).message }
        #expect(
            messages == [
                "Alert firing: Checkout is down (instance=web-1)", "Alert firing: Checkout is down (instance=web-2)",
            ])
        // Titles that already differ need nothing more; long or multi-line values are cut to one short line.
        var distinct = alert("web-3")
        distinct.annotations = ["summary": "Checkout is slow"]
        var traced = alert("web-4")
        traced.labels?["instance"] = "web-4"
        traced.labels?["error"] = String(repeating: "x", count: 80) + "\nat Checkout.swift:12"
        let mixed = AlertmanagerWebhook(
            groupKey: "{}:{alertname=\"Down\"}", status: "firing",
            commonLabels: ["alertname": "Down", "service": "checkout", "severity": "critical"],
            alerts: [distinct, alert("web-1"), traced])
        #expect(
            try mixed.normalized(now: t0).map { $0.receivedEvent(at: t0).message } == [
                "Alert firing: Checkout is slow",
                "Alert firing: Checkout is down (instance=web-1)",
                "Alert firing: Checkout is down (error=\(String(repeating: "x", count: 60))…, instance=web-4)",
            ])
        // A group of one (Alertmanager's common labels are then all of the alert's) needs no such note.
        let single = AlertmanagerWebhook(
            groupKey: "{}:{}", status: "firing",
            commonLabels: ["alertname": "Down", "service": "checkout", "instance": "web-1", "severity": "critical"],
            alerts: [alert("web-1")])
        #expect(try single.normalized(now: t0).first?.receivedEvent(at: t0).message == "Alert firing: Checkout is down")
    }
}
