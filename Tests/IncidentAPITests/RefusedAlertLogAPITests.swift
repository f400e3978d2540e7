import Foundation
import IncidentAPI
import Logging
import Synchronization
import Testing

/// Keeps every log line, for tests that check what the server says in its log.
final class CapturedLog: Sendable {
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let stored = Mutex<[Line]>([])

    var lines: [Line] { stored.withLock { $0 } }

    var logger: Logger {
        Logger(label: "klaxon") { _ in Handler(log: self) }
    }

    fileprivate func append(_ line: Line) { stored.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append(
                Line(level: event.level, message: event.message.description, metadata: merged.mapValues { "\($0)" }))
        }
    }
}

/// A payload refused for good (a 4xx the sender does not retry) is a warning in Klaxon's own log, at most once a
/// minute per receiver, so lost alerts show up where the people running Klaxon look.
@Suite struct RefusedAlertLogAPITests {
    static func refusals(_ log: CapturedLog) -> [CapturedLog.Line] {
        log.lines.filter { $0.level == .warning && $0.message.hasPrefix("refused an alert payload") }
    }

    @Test func aRefusedAlertmanagerPayloadIsLoggedWithItsReasonOncePerMinute() async throws {
        let log = CapturedLog()
        try await TestApplication.with(logger: log.logger) { app in
            let key = try await app.createService("checkout")
            let path = "/api/v1/integrations/alertmanager/\(key)"
            let trailingComma = #"{"version": "4", "groupKey": "g", "status": "firing", "alerts": [],}"#
            #expect(try await app.request("POST", path, token: nil, rawBody: trailingComma).status == 400)
            var lines = Self.refusals(log)
            #expect(lines.count == 1)
            #expect(lines.first?.metadata["receiver"] == "alertmanager")
            #expect(lines.first?.metadata["status"] == "400")
            #expect(lines.first?.message.contains("a comma before '}'") == true)

            // Within the minute: counted, not written.
            for _ in 0..<3 {
                #expect(try await app.request("POST", path, token: nil, rawBody: trailingComma).status == 400)
            }
            #expect(Self.refusals(log).count == 1)

            // A good payload is not a refusal.
            let good = AlertmanagerPayload.group(
                status: "firing",
                alerts: [
                    AlertmanagerPayload.alert("firing", instance: "web-1", severity: "critical", fingerprint: "a1")
                ])
            #expect(try await app.request("POST", path, token: nil, json: good).status == 200)

            // Another status is another line at once: a rotated key's 404 does not hide behind the 400s.
            let unknownKey = try await app.request(
                "POST", "/api/v1/integrations/alertmanager/not-a-key", token: nil, json: good)
            #expect(unknownKey.status == 404)
            lines = Self.refusals(log)
            #expect(lines.count == 2)
            #expect(lines.last?.metadata["status"] == "404")
            #expect(lines.last?.message.contains("No service has this integration key") == true)

            app.clock.advance(by: 61)
            #expect(try await app.request("POST", path, token: nil, rawBody: trailingComma).status == 400)
            lines = Self.refusals(log)
            #expect(lines.count == 3)
            #expect(lines.last?.metadata["refused_unlogged"] == "3")
        }
    }

    @Test func opsgenieRefusalsNameTheFieldsAndNoReasonEndsInTwoStops() async throws {
        let log = CapturedLog()
        try await TestApplication.with(logger: log.logger) { app in
            let key = try await app.createService("web")
            let answer = try await app.request(
                "POST", "/v2/alerts", token: nil, json: ["alias": "web-5xx"],
                headers: ["Authorization": "GenieKey \(key)"])
            #expect(answer.status == 422)
            let line = try #require(Self.refusals(log).first)
            #expect(line.metadata["receiver"] == "opsgenie")
            #expect(line.message.contains("message: "))
            #expect(!line.message.contains(".;"))
        }
    }

    @Test func pagerDutyRefusalsAreLoggedWithTheirReason() async throws {
        let log = CapturedLog()
        try await TestApplication.with(logger: log.logger) { app in
            let unknown = try await app.request(
                "POST", "/v2/enqueue", token: nil,
                json: [
                    "routing_key": "nope", "event_action": "trigger",
                    "payload": ["summary": "x", "source": "y", "severity": "critical"],
                ])
            #expect(unknown.status == 400)
            let lines = Self.refusals(log)
            #expect(lines.count == 1)
            #expect(lines.first?.metadata["receiver"] == "pagerduty")
            #expect(lines.first?.message.contains("routing_key") == true)
        }
    }

    @Test func aBodyOverTheReceiversLimitIsLoggedThoughNoReceiverRan() async throws {
        let log = CapturedLog()
        let smallLimit: (inout ApplicationConfiguration) -> Void = { $0.maxIngestionBodySize = 1024 }
        try await TestApplication.with(logger: log.logger, configure: smallLimit) { app in
            let key = try await app.createService("checkout")
            let large = AlertmanagerPayload.group(
                status: "firing",
                alerts: (0..<20).map {
                    AlertmanagerPayload.alert(
                        "firing", instance: "web-\($0)", severity: "critical", fingerprint: "f\($0)")
                })
            let answer = try await app.request(
                "POST", "/api/v1/integrations/alertmanager/\(key)", token: nil, json: large)
            #expect(answer.status == 413)
            let lines = Self.refusals(log)
            #expect(lines.count == 1)
            #expect(lines.first?.metadata["receiver"] == "alertmanager")
            #expect(lines.first?.metadata["status"] == "413")
            #expect(lines.first?.message.contains("larger than the receiver's limit") == true)
        }
    }
}
