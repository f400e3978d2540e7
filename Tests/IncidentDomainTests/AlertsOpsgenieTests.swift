import Foundation
import Testing

@testable import IncidentDomain

@Suite struct AlertsOpsgenieTests {
    @Test func createIsATriggerWithAliasAsKey() throws {
        let alert = try AlertFixtures.decode(OpsgenieAlert.self, AlertFixtures.opsgenieCreate)
            .normalized(generatedKey: "unused", now: t0)
        #expect(alert.source == .opsgenie)
        #expect(alert.action == .trigger)
        #expect(alert.dedupKey == "orders-queue-depth")
        #expect(alert.title == "Queue depth above 10k on orders")
        #expect(alert.summary == "The orders queue has held more than 10,000 messages for 10 minutes.")
        #expect(alert.severity == .sev2)
        #expect(alert.serviceHint == "orders")
        #expect(
            alert.labels == [
                "service": "orders", "queue": "orders-in", "depth": "10342", "entity": "orders-in",
                "source": "rabbitmq-exporter",
            ])
        #expect(alert.details["tags"] == ["orders", "queue"])
        #expect(alert.details["responders"] == [["name": "orders-team", "type": "team"]])
        #expect(alert.details["priority"] == "P2")
        #expect(alert.startsAt == t0)
        #expect(alert.startsAtIsReceipt)
    }

    @Test func prioritiesMapToSeverities() throws {
        for (priority, severity) in [("P1", Severity.sev1), ("P2", .sev2), ("P3", .sev3), ("P4", .sev4), ("P5", .sev5)]
        {
            let alert = try OpsgenieAlert(message: "m", priority: priority).normalized(generatedKey: "g", now: t0)
            #expect(alert.severity == severity)
        }
        #expect(try OpsgenieAlert(message: "m").normalized(generatedKey: "g", now: t0).severity == .sev3)
    }

    @Test func withoutAliasTheGeneratedKeyIsUsed() throws {
        #expect(try OpsgenieAlert(message: "m").normalized(generatedKey: "gen-1", now: t0).dedupKey == "gen-1")
    }

    @Test func messageAtTheLimitIsAccepted() throws {
        let message = String(repeating: "m", count: 130)
        #expect(try OpsgenieAlert(message: message).normalized(generatedKey: "g", now: t0).title == message)
    }

    @Test func messageOverTheLimitIsInvalid() {
        let errors = fieldErrors {
            _ = try OpsgenieAlert(message: String(repeating: "m", count: 131)).normalized(generatedKey: "g", now: t0)
        }
        #expect(errors == [FieldError(field: "message", message: "must be at most 130 characters (got 131)")])
    }

    @Test func tagsAtTheLimitAreAcceptedOneMoreIsNot() throws {
        let twenty = (1...20).map { "t\($0)" }
        _ = try OpsgenieAlert(message: "m", tags: twenty).normalized(generatedKey: "g", now: t0)
        let errors = fieldErrors {
            _ = try OpsgenieAlert(message: "m", tags: twenty + ["t21"]).normalized(generatedKey: "g", now: t0)
        }
        #expect(errors?.map(\.field) == ["tags"])
    }

    @Test func missingMessageAndBadPriorityAreReportedTogether() {
        let alert = OpsgenieAlert(message: " ", alias: String(repeating: "a", count: 513), priority: "P6")
        let errors = fieldErrors { _ = try alert.normalized(generatedKey: "g", now: t0) }
        #expect(errors?.map(\.field) == ["message", "alias", "priority"])
        #expect(errors?.last?.message == "must be one of P1, P2, P3, P4, P5 (got \"P6\")")
    }

    @Test func longAliasWithinOpsgeniesLimitIsHashedToFitKlaxonsKeys() throws {
        let alias = String(repeating: "a", count: 512)
        let created = try OpsgenieAlert(message: "m", alias: alias).normalized(generatedKey: "g", now: t0)
        let closed = try OpsgenieAlertAction().normalized(.close, identifier: alias, identifierType: "alias", now: t0)
        #expect(created.dedupKey.hasPrefix("fnv1a64:"))
        #expect(closed.dedupKey == created.dedupKey)
    }

    @Test func closeAndAcknowledgeTimelineDataClaimsNoSeverityLabelsOrStart() throws {
        for kind in [OpsgenieAlertAction.Kind.close, .acknowledge] {
            let alert = try OpsgenieAlertAction(user: "ops", note: "fixed")
                .normalized(kind, identifier: "orders-queue-depth", identifierType: "alias", now: t0)
            #expect(!alert.describesAlert)
            let data = alert.receivedEventData
            #expect(data["severity"] == nil && data["labels"] == nil && data["starts_at"] == nil)
            #expect(alert.details["note"] == "fixed" && data["details"] == .object(alert.details))
        }
        let created = try OpsgenieAlert(message: "m", alias: "a", priority: "P1").normalized(generatedKey: "g", now: t0)
        #expect(created.describesAlert && created.receivedEventData["severity"] == "sev1")
    }

    @Test func closeAndAcknowledgeByAlias() throws {
        let close = try OpsgenieAlertAction(user: "ops", note: "fixed")
            .normalized(.close, identifier: "orders-queue-depth", identifierType: "alias", now: t0)
        #expect(close.action == .resolve)
        #expect(close.dedupKey == "orders-queue-depth")
        #expect(close.details["note"] == "fixed")
        let ack = try OpsgenieAlertAction()
            .normalized(.acknowledge, identifier: "orders-queue-depth", identifierType: nil, now: t0)
        #expect(ack.action == .acknowledge)
    }

    @Test func identifierTypesOtherThanAliasAreRefused() {
        for type in ["id", "tiny"] {
            let errors = fieldErrors {
                _ = try OpsgenieAlertAction().normalized(.close, identifier: "123", identifierType: type, now: t0)
            }
            #expect(errors?.map(\.field) == ["identifierType"])
        }
    }

    @Test func answerHasOpsgeniesShape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = try encoder.encode(
            OpsgenieResponse.accepted(took: 0.25, requestId: "43a29c5c-3dbf-4fa4-9c26-f4f71023e120"))
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"requestId":"43a29c5c-3dbf-4fa4-9c26-f4f71023e120","result":"Request will be processed","took":0.25}"#
        )
    }
}
