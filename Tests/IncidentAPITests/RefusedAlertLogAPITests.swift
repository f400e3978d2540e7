import Foundation
import Logging
import Synchronization
import Testing

@testable import IncidentAPI

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
            #expect(
                unknownKey.text.contains("rotate it (POST /api/v1/services/{id}/rotate-key)"), "keys are shown once")
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

    @Test func refusedHeartbeatPingsAreLoggedWithWhyTheyDoNotCount() async throws {
        let log = CapturedLog()
        try await TestApplication.with(logger: log.logger) { app in
            try await app.expect(201, "POST", "/api/v1/services", json: ["name": "monitoring"])
            try await app.expect(
                201, "POST", "/api/v1/heartbeats",
                json: ["name": "nightly-backup", "service": "monitoring", "interval_seconds": 86_400])
            let reader = try await app.createToken(name: "viewer", scope: "read")
            let pings = { (line: CapturedLog.Line) in line.message.hasPrefix("refused a heartbeat ping") }
            func waitForPingLines(_ count: Int) async throws -> [CapturedLog.Line] {
                for _ in 0..<200 where log.lines.filter(pings).count < count {
                    try await Task.sleep(for: .milliseconds(10))
                }
                return log.lines.filter(pings)
            }

            #expect(
                try await app.request("POST", "/api/v1/heartbeats/nightly-backup/ping", token: reader).status == 403)
            var lines = try await waitForPingLines(1)
            #expect(lines.count == 1)
            #expect(lines.first?.level == .warning)
            #expect(lines.first?.metadata["receiver"] == "heartbeat")
            #expect(lines.first?.metadata["status"] == "403")
            #expect(lines.first?.message.contains("/api/v1/heartbeats/nightly-backup/ping") == true)
            #expect(lines.first?.message.contains("needs ingest or admin") == true)

            #expect(try await app.request("POST", "/api/v1/heartbeats/nightly-bakup/ping").status == 404)
            lines = try await waitForPingLines(2)
            #expect(lines.last?.metadata["status"] == "404")
            #expect(lines.last?.message.contains("no heartbeat has that name") == true)

            // Once a minute per cause; an accepted ping is not a refusal.
            #expect(
                try await app.request("POST", "/api/v1/heartbeats/nightly-backup/ping", token: reader).status == 403)
            #expect(try await app.request("POST", "/api/v1/heartbeats/nightly-backup/ping").status == 200)
            try await Task.sleep(for: .milliseconds(100))
            #expect(log.lines.filter(pings).count == 2)
        }
    }

    @Test func aRefusalNamesTheServiceOfItsKeyAndNeverTheKey() async throws {
        let log = CapturedLog()
        try await TestApplication.with(logger: log.logger) { app in
            let key = try await app.createService("checkout")
            let bad = #"{"summary": ""}"#
            #expect(
                try await app.request("POST", "/api/v1/integrations/generic/\(key)", token: nil, rawBody: bad).status
                    == 400)
            let pagerDuty = try await app.request(
                "POST", "/v2/enqueue", token: nil, json: ["routing_key": key, "event_action": "explode"])
            #expect(pagerDuty.status == 400)
            let unknown = try await app.request(
                "POST", "/api/v1/integrations/grafana/not-a-key", token: nil, rawBody: "{}")
            #expect(unknown.status == 404)
            let lines = Self.refusals(log)
            #expect(lines.count == 3)
            #expect(lines[0].message.contains("generic receiver for service checkout (400)"))
            #expect(lines[1].message.contains("pagerduty receiver for service checkout (400)"))
            #expect(lines[2].message.contains("grafana receiver for an unknown integration key (404)"))
            #expect(!lines.contains { $0.message.contains(key) || $0.message.contains("not-a-key") })
        }
    }

    @Test func whatASenderWroteCannotBreakALogLine() async throws {
        let log = CapturedLog()
        try await TestApplication.with(logger: log.logger) { app in
            let forged = "sev9\nwarning: forged line\u{1b}[31m"
            let answer = try await app.request(
                "POST", "/api/v1/integrations/generic", json: ["summary": "x", "severity": forged])
            #expect(answer.status == 400)
            let line = try #require(Self.refusals(log).first)
            #expect(!line.message.contains("\n"))
            #expect(!line.message.contains("\u{1b}"))
            #expect(line.message.contains(#"sev9\nwarning: forged line\u{1b}[31m"#))
        }
        #expect(RefusedAlertLog.printable("a\u{2028}b\tc\u{202e}") == #"a\u{2028}b\tc\u{202e}"#)
    }

    @Test func aReplayedWebhookIDIsNotLoggedAsLostAndUnknownMembersAreANotice() async throws {
        let log = CapturedLog()
        try await TestApplication.with(logger: log.logger) { app in
            let key = try await app.createService("signed")
            let path = "/api/v1/integrations/generic/\(key)"
            try await app.expect(
                204, "PUT", "/api/v1/services/signed/signing-secrets",
                json: ["secrets": [SignedGenericAlertAPITests.secret]])
            let now = Int(app.clock.now().timeIntervalSince1970)
            let body = #"{"summary": "Disk almost full", "dedup_key": "disk", "team": "storage"}"#
            let headers = SignedGenericAlertAPITests.headers(
                body, id: "msg_1", timestamp: now, secret: SignedGenericAlertAPITests.secret)
            #expect(try await app.request("POST", path, token: nil, rawBody: body, headers: headers).status == 200)
            #expect(try await app.request("POST", path, token: nil, rawBody: body, headers: headers).status == 200)
            #expect(Self.refusals(log).isEmpty)
            let notices = log.lines.filter { $0.level == .notice && $0.message.contains("with warnings") }
            #expect(notices.count == 1)
            #expect(notices.first?.message.contains(#""team" is not a field of a generic alert"#) == true)
        }
    }

    @Test func aLargePayloadToAMistypedReceiverURLIsA404HintAndALoggedRefusal() async throws {
        let log = CapturedLog()
        try await TestApplication.with(logger: log.logger) { app in
            let key = try await app.createService("checkout")
            let large = AlertmanagerPayload.group(
                status: "firing",
                alerts: (0..<3_000).map {
                    AlertmanagerPayload.alert(
                        "firing", instance: "web-\($0)", severity: "critical", fingerprint: "f\($0)")
                })
            let answer = try await app.request(
                "POST", "/api/v1/integrations/alertmanger/\(key)", token: nil, json: large)
            #expect(answer.status == 404)
            #expect(
                try answer.object()["detail"] as? String
                    == "No receiver 'alertmanger'; did you mean /api/v1/integrations/alertmanager/…?")
            // The log runs off the event loop: wait for it, boundedly.
            for _ in 0..<100 where Self.refusals(log).isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            let line = try #require(Self.refusals(log).first)
            #expect(line.metadata["status"] == "404")
            #expect(line.message.contains("no receiver has the path /api/v1/integrations/alertmanger/…"))
            #expect(line.metadata["receiver"] == "alertmanager")
            #expect(!line.message.contains(key))
            // A browser's miss is not an alert delivery; a key sent without the receiver's name is, logged
            // without the key. The second line is awaited, so a line for the GET would have shown by then.
            #expect(try await app.request("GET", "/api/v1/integrations/nowhere").status == 404)
            #expect(try await app.request("POST", "/api/v1/integrations/\(key)", token: nil, json: large).status == 404)
            for _ in 0..<100 where Self.refusals(log).count < 2 { try await Task.sleep(for: .milliseconds(20)) }
            let lines = Self.refusals(log)
            #expect(lines.count == 2)
            #expect(lines.last?.metadata["receiver"] == "unknown")
            #expect(lines.last?.message.contains("no receiver has the path /api/v1/integrations/…") == true)
            #expect(!lines.contains { $0.message.contains(key) })
        }
    }
}
