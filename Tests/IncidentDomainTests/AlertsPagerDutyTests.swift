import Foundation
import Testing

@testable import IncidentDomain

@Suite struct AlertsPagerDutyTests {
    static let routingKey = "e93facc04764012d7bfb002500d5d1a6"

    /// A valid trigger to vary.
    static func trigger(summary: String = "Disk full", dedupKey: String? = nil) -> PagerDutyEvent {
        PagerDutyEvent(
            routingKey: routingKey, eventAction: "trigger", dedupKey: dedupKey,
            payload: PagerDutyEvent.Payload(summary: summary, source: "host-1", severity: "warning"))
    }

    @Test func triggerIsNormalisedWithEveryPart() throws {
        let event = try AlertFixtures.decode(PagerDutyEvent.self, AlertFixtures.pagerDutyTrigger)
        let alert = try event.normalized(generatedKey: "unused", now: t0)
        #expect(alert.source == .pagerDuty)
        #expect(alert.action == .trigger)
        #expect(alert.dedupKey == "srv01/mysql-replication")
        #expect(alert.alertKey == alert.dedupKey)
        #expect(alert.title == "MySQL replication lag above 300 s on srv01.example.com")
        #expect(alert.summary == alert.title)
        #expect(alert.severity == .sev2)
        #expect(alert.serviceHint == nil)
        #expect(
            alert.labels == [
                "source": "srv01.example.com", "component": "mysql", "group": "prod-db", "class": "replication lag",
            ])
        #expect(Timestamp.milliseconds(alert.startsAt) == Timestamp.milliseconds(utc(8, 42, 58.315)))
        #expect(!alert.startsAtIsReceipt)
        #expect(
            alert.links == [
                AlertLink(href: "https://runbooks.example.com/mysql-lag", text: "Runbook"),
                AlertLink(href: "https://graphs.example.com/lag", text: "Lag graph"),
                AlertLink(href: "https://nagios.example.com", text: "Nagios"),
            ])
        #expect(alert.details["custom_details"] == ["lag_seconds": 312, "replica": "srv02"])
        #expect(alert.details["client"] == "Nagios")
        #expect(alert.details["timestamp"] == "2026-11-27T08:42:58.315+0000")
        #expect(!alert.details.values.contains(.string(Self.routingKey)))
        #expect(event.responseDedupKey(generatedKey: "unused") == "srv01/mysql-replication")
    }

    @Test func acknowledgeAndResolveNeedOnlyTheKey() throws {
        let ack = try AlertFixtures.decode(PagerDutyEvent.self, AlertFixtures.pagerDutyAcknowledge)
            .normalized(generatedKey: "unused", now: t0)
        #expect(ack.action == .acknowledge)
        #expect(ack.dedupKey == "srv01/mysql-replication")
        #expect(ack.startsAt == t0)
        let resolve = try AlertFixtures.decode(PagerDutyEvent.self, AlertFixtures.pagerDutyResolve)
            .normalized(generatedKey: "unused", now: t0)
        #expect(resolve.action == .resolve)
        #expect(resolve.title == "PagerDuty resolve for srv01/mysql-replication")
    }

    /// An acknowledge or resolve without `payload` says nothing of severity, labels or start: its timeline data
    /// leaves out the defaults standing in for them (it used to claim sev3, no labels and a start at the ack).
    @Test func keyOnlyEventsTimelineDataClaimsNoSeverityLabelsOrStart() throws {
        for fixture in [AlertFixtures.pagerDutyAcknowledge, AlertFixtures.pagerDutyResolve] {
            let alert = try AlertFixtures.decode(PagerDutyEvent.self, fixture).normalized(
                generatedKey: "unused", now: t0)
            #expect(!alert.describesAlert)
            let data = alert.receivedEventData
            #expect(data["severity"] == nil && data["labels"] == nil && data["starts_at"] == nil)
            #expect(data["action"] == .string(alert.action.rawValue))
            #expect(data["dedup_key"] == "srv01/mysql-replication" && data["source"] == "pagerduty")
        }
        let trigger = try AlertFixtures.decode(PagerDutyEvent.self, AlertFixtures.pagerDutyTrigger)
            .normalized(generatedKey: "unused", now: t0)
        #expect(trigger.describesAlert)
        #expect(trigger.receivedEventData["severity"] == "sev2")
        #expect(trigger.labels["component"] == "mysql")
        #expect(trigger.receivedEventData["labels"] == .object(trigger.labels.mapValues(JSONValue.string)))
        #expect(trigger.receivedEventData["starts_at"] != nil)
    }

    @Test func triggerWithoutDedupKeyUsesTheGeneratedOne() throws {
        let event = Self.trigger()
        let alert = try event.normalized(generatedKey: "5b9c2f0e-4d1a-4c57-9a43-1f3e8e2d7a10", now: t0)
        #expect(alert.dedupKey == "5b9c2f0e-4d1a-4c57-9a43-1f3e8e2d7a10")
        #expect(event.responseDedupKey(generatedKey: "5b9c2f0e-4d1a-4c57-9a43-1f3e8e2d7a10") == alert.dedupKey)
    }

    @Test func unreadableTimestampFallsBackToArrival() throws {
        var event = Self.trigger()
        event.payload?.timestamp = "last tuesday"
        let alert = try event.normalized(generatedKey: "k", now: t0)
        #expect(alert.startsAt == t0)
        #expect(alert.startsAtIsReceipt)
        #expect(alert.details["timestamp"] == "last tuesday")
    }

    @Test func summaryAtTheLimitIsAccepted() throws {
        let summary = String(repeating: "s", count: 1024)
        let alert = try Self.trigger(summary: summary).normalized(generatedKey: "k", now: t0)
        #expect(alert.summary == summary)
        #expect(alert.title.unicodeScalars.count == 200)
        #expect(alert.title.hasSuffix("…"))
    }

    @Test func summaryOverTheLimitIsInvalid() {
        let errors = fieldErrors {
            _ = try Self.trigger(summary: String(repeating: "s", count: 1025)).normalized(generatedKey: "k", now: t0)
        }
        #expect(errors == [FieldError(field: "payload.summary", message: "must be at most 1024 characters (got 1025)")])
    }

    @Test func dedupKeyAtTheLimitIsAccepted() throws {
        let key = String(repeating: "k", count: 255)
        #expect(try Self.trigger(dedupKey: key).normalized(generatedKey: "g", now: t0).dedupKey == key)
    }

    @Test func dedupKeyOverTheLimitIsInvalid() {
        let errors = fieldErrors {
            _ = try Self.trigger(dedupKey: String(repeating: "k", count: 256)).normalized(generatedKey: "g", now: t0)
        }
        #expect(errors?.map(\.field) == ["dedup_key"])
    }

    @Test func triggerMissingEverythingReportsEveryField() {
        let event = PagerDutyEvent(
            routingKey: "", eventAction: "trigger",
            payload: PagerDutyEvent.Payload(summary: "  ", source: nil, severity: "high"),
            images: [PagerDutyEvent.Image(src: nil)], links: [PagerDutyEvent.Link(href: "")])
        let errors = fieldErrors { _ = try event.normalized(generatedKey: "g", now: t0) }
        #expect(
            errors?.map(\.field) == [
                "routing_key", "payload.summary", "payload.source", "payload.severity", "links[0].href",
                "images[0].src",
            ])
        #expect(errors?[3].message == "must be one of critical, error, warning, info (got \"high\")")
    }

    @Test func triggerWithoutPayloadIsInvalid() {
        let event = PagerDutyEvent(routingKey: Self.routingKey, eventAction: "trigger", dedupKey: "k")
        #expect(fieldErrors { _ = try event.normalized(generatedKey: "g", now: t0) }?.map(\.field) == ["payload"])
    }

    @Test func unknownOrMissingEventActionIsInvalid() {
        let unknown = PagerDutyEvent(routingKey: Self.routingKey, eventAction: "snooze", dedupKey: "k")
        let errors = fieldErrors { _ = try unknown.normalized(generatedKey: "g", now: t0) }
        #expect(
            errors == [
                FieldError(
                    field: "event_action", message: "must be one of trigger, acknowledge, resolve (got \"snooze\")")
            ])
        let missing = PagerDutyEvent(routingKey: Self.routingKey, eventAction: nil, dedupKey: "k")
        #expect(
            fieldErrors { _ = try missing.normalized(generatedKey: "g", now: t0) }?.map(\.field) == ["event_action"])
    }

    @Test func acknowledgeWithoutDedupKeyIsInvalid() {
        let event = PagerDutyEvent(routingKey: Self.routingKey, eventAction: "acknowledge")
        #expect(fieldErrors { _ = try event.normalized(generatedKey: "g", now: t0) }?.map(\.field) == ["dedup_key"])
    }

    @Test func severitiesMapOneToOne() throws {
        let expected: [String: Severity] = ["critical": .sev1, "error": .sev2, "warning": .sev3, "info": .sev4]
        for (text, severity) in expected {
            var event = Self.trigger()
            event.payload?.severity = text
            #expect(try event.normalized(generatedKey: "g", now: t0).severity == severity)
        }
    }

    @Test func answersHavePagerDutysShape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let accepted = String(decoding: try encoder.encode(PagerDutyResponse.accepted(dedupKey: "abc")), as: UTF8.self)
        #expect(accepted == #"{"dedup_key":"abc","message":"Event processed","status":"success"}"#)
        let invalid = PagerDutyResponse.invalid([FieldError(field: "payload.summary", message: "is missing or blank")])
        #expect(
            String(decoding: try encoder.encode(invalid), as: UTF8.self)
                == #"{"errors":["payload.summary is missing or blank"],"message":"Event object is invalid","status":"invalid event"}"#
        )
    }
}
