import Foundation
import Testing

@testable import IncidentDomain

@Suite struct AlertsDecodingTests {
    @Test func wrongTypeNamesThePath() {
        let json =
            #"{"version":"4","groupKey":"g","status":"firing","alerts":[{"status":"firing","labels":{"severity":3}}]}"#
        let errors = fieldErrors { _ = try AlertFixtures.decode(AlertmanagerWebhook.self, json) }
        #expect(errors == [FieldError(field: "alerts[0].labels.severity", message: "must be a string")])
    }

    @Test func objectsAndArraysAreNamedAsSuch() {
        let labels = #"{"version":"4","groupKey":"g","alerts":[{"status":"firing","labels":"severity=page"}]}"#
        #expect(
            fieldErrors { _ = try AlertFixtures.decode(AlertmanagerWebhook.self, labels) }
                == [FieldError(field: "alerts[0].labels", message: "must be an object")])
        let alerts = #"{"version":"4","groupKey":"g","alerts":{"status":"firing"}}"#
        #expect(
            fieldErrors { _ = try AlertFixtures.decode(AlertmanagerWebhook.self, alerts) }
                == [FieldError(field: "alerts", message: "must be an array")])
        let count = #"{"version":"4","groupKey":"g","truncatedAlerts":"none","alerts":[]}"#
        #expect(
            fieldErrors { _ = try AlertFixtures.decode(AlertmanagerWebhook.self, count) }
                == [FieldError(field: "truncatedAlerts", message: "must be an integer")])
    }

    @Test func notJSONIsABodyError() {
        let errors = fieldErrors { _ = try AlertFixtures.decode(PagerDutyEvent.self, "{\"routing_key\":") }
        #expect(errors?.map(\.field) == ["body"])
        #expect(errors?.first?.message.hasPrefix("is not valid JSON (RFC 8259): a value is missing") == true, "\(errors ?? [])")
    }

    @Test func nullFieldsCountAsAbsent() throws {
        let event = try AlertFixtures.decode(
            PagerDutyEvent.self, #"{"routing_key":"k","event_action":"resolve","dedup_key":"d","payload":null}"#)
        #expect(event.payload == nil)
        #expect(try event.normalized(generatedKey: "g", now: t0).action == .resolve)
    }

    @Test func unknownFieldsAreIgnored() throws {
        let alert = try AlertFixtures.decode(
            GenericAlert.self, #"{"summary":"s","fingerprint":"x","extra":{"deep":[1,2]}}"#)
        #expect(alert.summary == "s")
    }
}
