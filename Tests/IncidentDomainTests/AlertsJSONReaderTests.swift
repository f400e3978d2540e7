import Foundation
import Testing

@testable import IncidentDomain

/// The byte reader of the Alertmanager and Grafana receivers: what it takes it reads exactly as `JSONDecoder`
/// does, and what it declines goes to `JSONDecoder`, so bad payloads keep their field errors.
@Suite struct AlertsJSONReaderTests {
    /// Reads `json` with the byte reader alone and with `JSONDecoder`; both must succeed and agree.
    func readsAsJSONDecoder<Payload: Decodable & Equatable>(
        _ type: Payload.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Payload? {
        let read = AlertPayloadDecoder.readWithoutFallback(type, from: Array(json.utf8))
        let decoded = try JSONDecoder().decode(type, from: Data(json.utf8))
        #expect(read != nil, "the reader declined \(json)", sourceLocation: sourceLocation)
        #expect(read == decoded, sourceLocation: sourceLocation)
        return read
    }

    @Test func documentedExamplesReadAsJSONDecoderReadsThem() throws {
        let alertmanager = try readsAsJSONDecoder(AlertmanagerWebhook.self, AlertFixtures.alertmanagerGroup)
        #expect(alertmanager?.alerts?.count == 2)
        #expect(alertmanager?.alerts?[1].labels?["severity"] == "critical")
        let grafana = try readsAsJSONDecoder(GrafanaWebhook.self, AlertFixtures.grafanaGroup)
        #expect(grafana?.orgId == 1)
        #expect(grafana?.alerts?.first?.values != nil)
    }

    @Test func escapesAndUnicodeReadAsJSONDecoderReadsThem() throws {
        let json = #"""
            {"version":"4","groupKey":"{}:{alertname=\"Disk\"}","status":"firing",
             "commonAnnotations":{"summary":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t end","note":"grüße 🚨"},
             "alerts":[{"status":"firing","labels":{"alertname":"Disk","zone":"\u6771\u4eac"},"endsAt":null}]}
            """#
        let payload = try readsAsJSONDecoder(AlertmanagerWebhook.self, json)
        #expect(payload?.commonAnnotations?["summary"] == "café 😀 \"q\" \\ / \u{8}\u{C}\n\r\t end")
        #expect(payload?.commonAnnotations?["note"] == "grüße 🚨")
        #expect(payload?.alerts?.first?.labels?["zone"] == "東京")
    }

    @Test func nullsAbsentFieldsAndUnknownFieldsReadAsJSONDecoderReadsThem() throws {
        let json = """
             \t\r
            {"version":null,"groupKey":"g","extra":{"deep":[1,-2.5e3,true,false,null,{"x":"y"}],"n":0,"m":1e999},
             "truncatedAlerts":3,"alerts":[{"status":"resolved","labels":{},"annotations":null,"other":[]}],
             "groupLabels":null}\n
            """
        let payload = try readsAsJSONDecoder(AlertmanagerWebhook.self, json)
        #expect(payload?.version == nil)
        #expect(payload?.truncatedAlerts == 3)
        #expect(payload?.alerts?.first?.labels == [:])
        #expect(payload?.alerts?.first?.annotations == nil)
        #expect(try readsAsJSONDecoder(AlertmanagerWebhook.self, "{}") != nil)
    }

    @Test func grafanaValuesReadAsJSONValueDecodesThem() throws {
        let json = """
            {"version":"1","groupKey":"g","orgId":-7,"alerts":[{"status":"firing","labels":{"a":"b"},
             "values":{"B":44.25,"C":1,"D":[true,null,"x",-3],"E":{"inner":0.5},"F":-12}}]}
            """
        let payload = try readsAsJSONDecoder(GrafanaWebhook.self, json)
        #expect(payload?.orgId == -7)
        #expect(payload?.alerts?.first?.values?["B"] == .double(44.25))
        #expect(payload?.alerts?.first?.values?["C"] == .int(1))
    }

    /// Inputs the reader leaves to `JSONDecoder`: each is declined, and the receivers' decoding answers it as
    /// `JSONDecoder` alone does (an error for most, a value for some).
    static let declined: [String] = [
        #"{"version":"4","groupKey":"g","alerts":[{"status":"firing","labels":{"severity":3}}]}"#,
        #"{"version":"4","groupKey":"g","alerts":{"status":"firing"}}"#,
        #"{"version":"4","groupKey":"g","alerts":[null]}"#,
        #"{"version":"4","groupKey":"g","truncatedAlerts":"none","alerts":[]}"#,
        #"{"version":"4","groupKey":"g","truncatedAlerts":1.0,"alerts":[]}"#,
        #"{"version":"4","groupKey":"g","truncatedAlerts":-0,"alerts":[]}"#,
        #"{"version":"4","groupKey":"g","truncatedAlerts":99999999999999999999,"alerts":[]}"#,
        #"{"version":"4","version":"3","groupKey":"g","alerts":[]}"#,
        #"{"version":"4","groupKey":"g","alerts":[{"labels":{"a":"1","a":"2"}}]}"#,
        #"{"version":4,"groupKey":"g","alerts":[]}"#,
        #"{"version":"4","groupKey":"\ud800","alerts":[]}"#,
        #"{"version":"4","groupKey":"a\u0000b","alerts":[]}"#,
        "{\"version\":\"4\",\"groupKey\":\"tab\there\",\"alerts\":[]}",
        #"{"version":"4","groupKey":"g","alerts":[],}"#,
        #"{"version":"4","groupKey":"g","alerts":[]} x"#,
        #"{"version":"4","groupKey":"g","alerts":[]"#,
        #"{"version":"4","groupKey":"g","extra":01,"alerts":[]}"#,
        #"{"version":"4","groupKey":"g","extra":[1.],"alerts":[]}"#,
        #"{"version":"4","groupKey":"g","extra":'x',"alerts":[]}"#,
        #"["version"]"#,
        "",
        "null",
        #"{"version":"4","groupKey":"g","extra":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
            + "}",
    ]

    @Test(arguments: declined)
    func declinedInputsAreAnsweredAsJSONDecoderAnswersThem(json: String) {
        let body = Array(json.utf8)
        #expect(AlertPayloadDecoder.readWithoutFallback(AlertmanagerWebhook.self, from: body) == nil)
        let viaBytes = Result<AlertmanagerWebhook, IncidentError>(catching: { () throws(IncidentError) in
            try AlertPayloadDecoder.decode(AlertmanagerWebhook.self, from: body)
        })
        let viaDecoder = Result<AlertmanagerWebhook, IncidentError>(catching: { () throws(IncidentError) in
            try AlertPayloadDecoder.decode(AlertmanagerWebhook.self, from: Data(body))
        })
        #expect(viaBytes == viaDecoder)
    }

    /// The reader and the strict fallback agree on bodies that name a member twice or end a list with a comma.
    @Test func repeatedMembersAndTrailingCommasAreRefusedEitherWay() {
        let bodies = [
            #"{"version":"4","groupKey":"g","alerts":[{"status":"firing","labels":{"a":"1","a":"2"}}]}"#,
            #"{"version":"4","groupKey":"g","groupKey":"h","alerts":[]}"#,
            #"{"version":"4","groupKey":"g","alerts":[],}"#,
            #"{"version":"4","groupKey":"g","alerts":[{"status":"firing"},]}"#,
            // Repeats the reader skips over: unknown members, and names inside an unknown member's value.
            #"{"version":"4","groupKey":"g","alerts":[],"x":1,"x":2}"#,
            #"{"version":"4","groupKey":"g","alerts":[{"status":"firing","extra":{"a":1,"a":2}}]}"#,
        ]
        // Found by the fuzzer: an unknown member named twice in a Grafana payload was read, and then refused
        // by the strict fallback.
        let grafana = #"{"version": "1", "grou]pKey": "z", "truncatedAlerts": 0, "grou]pKey": "z", "status": "firing"}"#
        #expect(AlertPayloadDecoder.readWithoutFallback(GrafanaWebhook.self, from: Array(grafana.utf8)) == nil)
        for body in bodies.map({ Array($0.utf8) }) {
            let text = String(decoding: body, as: UTF8.self)
            #expect(AlertPayloadDecoder.readWithoutFallback(AlertmanagerWebhook.self, from: body) == nil, "\(text)")
            let errors = fieldErrors { _ = try AlertPayloadDecoder.decode(AlertmanagerWebhook.self, from: body) }
            let message = errors?.first?.message ?? "accepted"
            #expect(message.hasPrefix("is not valid JSON (RFC 8259)"), "\(text): \(message)")
        }
    }

    @Test func invalidUTF8IsDeclined() {
        var body = Array(#"{"version":"4","groupKey":"ab"#.utf8)
        body += [0xC3, 0x28]
        body += Array(#"","alerts":[]}"#.utf8)
        #expect(AlertPayloadDecoder.readWithoutFallback(AlertmanagerWebhook.self, from: body) == nil)
        #expect(
            fieldErrors { _ = try AlertPayloadDecoder.decode(AlertmanagerWebhook.self, from: body) }
                == [FieldError(field: "body", message: "is not valid JSON (RFC 8259): it is not valid UTF-8")])
    }

    @Test func typeErrorsStillNameTheirPath() {
        let body = Array(#"{"version":"4","groupKey":"g","alerts":[{"status":"firing","labels":{"severity":3}}]}"#.utf8)
        #expect(
            fieldErrors { _ = try AlertPayloadDecoder.decode(AlertmanagerWebhook.self, from: body) }
                == [FieldError(field: "alerts[0].labels.severity", message: "must be a string")])
    }

    @Test func payloadsWithoutAReaderGoToJSONDecoder() throws {
        #expect(AlertPayloadDecoder.readWithoutFallback(GenericAlert.self, from: Array(#"{"summary":"s"}"#.utf8)) == nil)
        let alert = try AlertPayloadDecoder.decode(GenericAlert.self, from: Array(#"{"summary":"s"}"#.utf8))
        #expect(alert.summary == "s")
    }
}
