import Foundation
import IncidentDomain

/// One fuzz input for the alert receivers' decoding: the first byte picks the format, the rest is the body,
/// decoded and normalised exactly as the receivers do. Errors are expected answers (400s); a crash, a hang or
/// a memory error is a bug.
enum AlertFuzzing {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func run(_ input: UnsafeRawBufferPointer) {
        guard let selector = input.first else { return }
        let body = Data(input.dropFirst())
        switch selector % 7 {
        case 0:
            checkReader(AlertmanagerWebhook.self, body)
            _ = try? AlertPayloadDecoder.decode(AlertmanagerWebhook.self, from: Array(body)).normalized(now: now)
        case 1:
            checkReader(GrafanaWebhook.self, body)
            _ = try? AlertPayloadDecoder.decode(GrafanaWebhook.self, from: Array(body)).normalized(now: now)
        case 2: _ = try? AlertPayloadDecoder.decode(GenericAlert.self, from: body).normalized(now: now)
        case 3:
            _ = try? AlertPayloadDecoder.decode(PagerDutyEvent.self, from: body).normalized(
                generatedKey: "0123456789abcdef0123456789abcdef", now: now)
        case 4:
            _ = try? AlertPayloadDecoder.decode(OpsgenieAlert.self, from: body).normalized(
                generatedKey: "0123456789abcdef0123456789abcdef", now: now)
        case 5:
            let kind: OpsgenieAlertAction.Kind = selector & 0x80 == 0 ? .close : .acknowledge
            _ = try? AlertPayloadDecoder.decode(OpsgenieAlertAction.self, from: body).normalized(
                kind, identifier: "web-5xx", identifierType: "alias", now: now)
        default:
            // Standard Webhooks headers: the input's first three lines are id, timestamp and signature, the
            // rest the signed body.
            let lines = String(decoding: body, as: UTF8.self).split(separator: "\n", maxSplits: 3).map(String.init)
            let header = { (index: Int) in index < lines.count ? lines[index] : nil }
            if let signature = try? StandardWebhookSignature(
                id: header(0), timestamp: header(1), signature: header(2), now: now)
            {
                _ = signature.signedContent(body: Array((header(3) ?? "").utf8))
            }
        }
    }

    /// The byte reader of the group receivers must take a body only as `JSONDecoder` reads it: whatever it
    /// returns, `JSONDecoder` returns too (what it declines, `JSONDecoder` answers, errors included).
    static func checkReader<Payload: Decodable & Equatable>(_ type: Payload.Type, _ body: Data) {
        guard let read = AlertPayloadDecoder.readWithoutFallback(type, from: Array(body)) else { return }
        // The fallback refuses what is not strict JSON; the reader must not take what the fallback would refuse.
        if let problem = StrictJSON.problem(in: Array(body)) {
            fatalError("AlertJSONReader read \(type) from a body StrictJSON refuses: \(problem)")
        }
        let decoded = try? JSONDecoder().decode(type, from: body)
        if read != decoded {
            fatalError("AlertJSONReader read \(type) as \(read), JSONDecoder as \(String(describing: decoded))")
        }
    }
}
