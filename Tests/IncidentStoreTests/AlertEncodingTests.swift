import Foundation
import IncidentDomain
import SQLiteCore
import Testing

@testable import IncidentStore

/// The alert columns and the `alert_received` event data are encoded before the write transaction, the event data
/// assembled from the column texts: what is stored must be exactly what encoding the domain's values gives.
@Suite struct AlertEncodingTests {
    /// Alerts of every sender, with and without annotations, links, details and an end, and awkward text.
    static func samples() throws -> [NormalizedAlert] {
        let alertmanager = try AlertPayloadDecoder.decode(
            AlertmanagerWebhook.self,
            from: Data(
                #"""
                {"version":"4","groupKey":"{}:{alertname=\"Disk\"}","status":"resolved","receiver":"klaxon",
                 "groupLabels":{"alertname":"Disk"},"commonLabels":{"alertname":"Disk"},"commonAnnotations":{},
                 "externalURL":"http://am:9093","truncatedAlerts":0,
                 "alerts":[
                  {"status":"firing","labels":{"alertname":"Disk","instance":"db-1","quote":"say \"hi\""},
                   "annotations":{"summary":"Disk on db-1 ☃","runbook":"C:\\temp\nline"},
                   "startsAt":"2026-11-27T08:00:00.123Z","endsAt":"0001-01-01T00:00:00Z",
                   "generatorURL":"http://prometheus:9090/graph?g0.expr=disk","fingerprint":"f1"},
                  {"status":"resolved","labels":{"alertname":"Disk","instance":"db-2"},"annotations":{},
                   "startsAt":"2026-11-27T08:00:00Z","endsAt":"2026-11-27T09:30:00.5Z","generatorURL":"",
                   "fingerprint":"f2"}]}
                """#.utf8))
        let generic = try AlertPayloadDecoder.decode(
            GenericAlert.self,
            from: Data(
                #"{"summary":"Queue backlog","severity":"sev2","dedup_key":"q-1","labels":{"team":"payments"},"details":{"depth":1200,"ok":false,"nested":{"a":[1,"x\ty"]}},"source":"cron"}"#
                    .utf8))
        let bare = try AlertPayloadDecoder.decode(
            GenericAlert.self, from: Data(#"{"summary":"Nothing else","status":"resolved","dedup_key":"n-1"}"#.utf8))
        let pagerDuty = try AlertPayloadDecoder.decode(
            PagerDutyEvent.self,
            from: Data(
                #"{"routing_key":"k","event_action":"trigger","dedup_key":"pd-1","payload":{"summary":"CPU high","source":"web-1","severity":"critical","custom_details":{"cpu":"97%"}},"links":[{"href":"https://grafana.example/d/x","text":"Dashboard"}]}"#
                    .utf8))
        let pagerDutyAcknowledge = try AlertPayloadDecoder.decode(
            PagerDutyEvent.self,
            from: Data(#"{"routing_key":"k","event_action":"acknowledge","dedup_key":"pd-1"}"#.utf8))
        return try alertmanager.normalized(now: t0) + [
            try generic.normalized(now: t0), try bare.normalized(now: t0),
            try pagerDuty.normalized(generatedKey: "unused", now: t0),
            try pagerDutyAcknowledge.normalized(generatedKey: "unused", now: t0),
        ]
    }

    @Test func receivedEventDataIsTheDomainDataEncoded() throws {
        let alerts = try Self.samples()
        #expect(alerts.count == 6)
        #expect(alerts.contains { !$0.describesAlert })
        #expect(alerts.contains { !$0.annotations.isEmpty } && alerts.contains { $0.endsAt != nil })
        #expect(alerts.contains { !$0.links.isEmpty } && alerts.contains { !$0.details.isEmpty })
        for alert in alerts {
            let encoded = AlertRows.Encoded(alert)
            #expect(encoded.receivedEventData == JSONText.encode(alert.receivedEventData))
            #expect(encoded.labels == JSONText.encode(alert.labels))
            #expect(try JSONText.decodeObject(encoded.receivedEventData) == alert.receivedEventData)
        }
    }

    @Test func storedEventsAndRowsCarryTheFullData() async throws {
        let test = try await TestStore.make()
        let alerts = try Self.samples()
        let outcomes = try await test.store.alerts.ingest(
            alerts, service: .name("default"), grouping: AlertGrouping(), webhookID: nil, at: t0)
        #expect(outcomes.count == alerts.count)
        var expected: [String: [String: JSONValue]] = [:]
        for alert in alerts { expected[alert.alertKey + " " + alert.action.rawValue] = alert.receivedEventData }
        var checked = 0
        var rows = 0
        for id in Set(outcomes.compactMap(\.incidentID)) {
            for event in try await test.incidents.timeline(id) where event.kind == .alertReceived {
                let key = try #require(event.data["alert_key"]?.stringValue)
                let action = try #require(event.data["action"]?.stringValue)
                #expect(event.data == expected[key + " " + action])
                checked += 1
            }
            for row in try await test.store.alerts.alerts(of: id) {
                let alert = try #require(alerts.first { $0.alertKey == row.alertKey && $0.describesAlert })
                #expect(row.labels == alert.labels && row.annotations == alert.annotations)
                #expect(row.links == alert.links && row.details == alert.details)
                rows += 1
            }
        }
        // Events: the firing Alertmanager alert, the generic, the PagerDuty trigger and its acknowledge (without
        // severity, labels or start). Rows: the first three and the resolved Alertmanager alert, recorded on its
        // group's incident though not firing there (the bare resolve has none; the acknowledge adds no row).
        #expect(checked == 4)
        #expect(rows == 4)
        // The schema checks these columns' shape only (0016): what the writers wrote must be valid JSON throughout.
        let alertTexts = "json_valid(labels) AND json_valid(annotations) AND json_valid(links) AND json_valid(details)"
        #expect(try await test.count("SELECT count(*) FROM alerts WHERE NOT (\(alertTexts))") == 0)
        #expect(try await test.count("SELECT count(*) FROM timeline_events WHERE NOT json_valid(data)") == 0)
        await test.close()
    }
}
