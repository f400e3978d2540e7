import Foundation
import IncidentAPI
import Testing

/// Email pages end to end: the real application, libcurl talking SMTP to a responder on 127.0.0.1 written
/// here, a manual clock, deliveries run with `runDeliveries()`.
@Suite("Mail delivery")
struct MailDeliveryAPITests {
    static func relay(_ responder: TestSMTPResponder) -> (inout ApplicationConfiguration) -> Void {
        { configuration in
            configuration.delivery.mail = MailRelay(url: responder.url, from: "klaxon@example.com")
            configuration.delivery.publicURL = "https://klaxon.example.com"
            configuration.escalationPollInterval = .seconds(3600)
        }
    }

    /// Dana, reached by email only, paged at level 0 of a policy whose level 1 pages erin's webhook.
    func pageDana(_ app: TestApplication) async throws -> Int {
        try await app.expect(
            201, "POST", "/api/v1/users", json: ["handle": "dana", "name": "Dana", "email": "dana@example.com"])
        try await app.expect(
            201, "POST", "/api/v1/users",
            json: ["handle": "erin", "name": "Erin", "webhook_url": "http://127.0.0.1:9/hook/erin"])
        try await app.expect(
            201, "POST", "/api/v1/escalation-policies",
            json: [
                "name": "mail",
                "levels": [
                    ["delay_minutes": 30, "targets": [["user": "dana"]]],
                    ["delay_minutes": 30, "targets": [["user": "erin"]]],
                ],
            ])
        try await app.expect(201, "POST", "/api/v1/services", json: ["name": "mail", "escalation_policy": "mail"])
        let incident = try await app.openIncident(["title": "Mail tier down", "severity": "sev2", "service": "mail"])
        return incident["id"] as? Int ?? 0
    }

    func notifications(_ app: TestApplication, _ id: Int) async throws -> [[String: Any]] {
        try await app.request("GET", "/api/v1/incidents/\(id)/notifications").items()
    }

    @Test func emailPageIsMailedThroughTheRelayAndMarkedSent() async throws {
        let responder = try TestSMTPResponder()
        defer { responder.stop() }
        try await TestApplication.with(configure: Self.relay(responder)) { app in
            let id = try await pageDana(app)
            let attempts = try await app.application.runDeliveries()
            #expect(attempts == 1)
            let delivery = try #require(try await notifications(app, id).first)
            #expect(delivery["status"] as? String == "sent")
            let attempt = try #require((delivery["attempts"] as? [[String: Any]])?.first)
            #expect(attempt["http_status"] as? Int == 250 && attempt["outcome"] as? String == "success")
            let mail = try #require(responder.mails.first)
            #expect(mail.from == "klaxon@example.com" && mail.recipients == ["dana@example.com"])
            let webhookID = try #require(delivery["webhook_id"] as? String)
            #expect(mail.data.contains("\r\nMessage-ID: <\(webhookID)@example.com>\r\n"))
            #expect(mail.data.contains("\r\nSubject: [sev2] #\(id) Mail tier down\r\n"))
            #expect(mail.data.contains("Acknowledge: https://klaxon.example.com/api/v1/actions/\(id).acknowledge.dana."))
        }
    }

    @Test func temporaryRefusalIsRetriedWithTheSameMessage() async throws {
        let responder = try TestSMTPResponder(dataReplies: ["451 4.3.0 Try again later"])
        defer { responder.stop() }
        try await TestApplication.with(configure: Self.relay(responder)) { app in
            let id = try await pageDana(app)
            _ = try await app.application.runDeliveries()
            let waiting = try #require(try await notifications(app, id).first)
            #expect(waiting["status"] as? String == "pending")
            #expect((waiting["last_error"] as? String)?.contains("451 4.3.0 Try again later") == true)
            app.clock.advance(by: 13)
            _ = try await app.application.runDeliveries()
            let sent = try #require(try await notifications(app, id).first)
            #expect(sent["status"] as? String == "sent")
            let statuses = (sent["attempts"] as? [[String: Any]])?.map { $0["http_status"] as? Int }
            #expect(statuses == [451, 250])
            let mails = responder.mails
            #expect(mails.count == 2 && mails.first?.data == mails.last?.data)
        }
    }

    @Test func recipientRefusedForGoodIsDeadAtOnceAndEscalates() async throws {
        let responder = try TestSMTPResponder(rcptReplies: ["550 5.1.1 <dana@example.com>: User unknown"])
        defer { responder.stop() }
        try await TestApplication.with(configure: Self.relay(responder)) { app in
            let id = try await pageDana(app)
            _ = try await app.application.runDeliveries()
            let dead = try #require(try await notifications(app, id).first)
            #expect(dead["status"] as? String == "dead", "\(dead)")
            #expect((dead["last_error"] as? String)?.contains("refused RCPT: 550 5.1.1") == true)
            let timeline = try await app.request("GET", "/api/v1/incidents/\(id)/timeline").items()
            let kinds = timeline.compactMap { $0["kind"] as? String }
            #expect(kinds.contains("notification_dead") && kinds.contains("escalated"))
            let escalation = try await app.request("GET", "/api/v1/incidents/\(id)/escalation").object()
            #expect(escalation["escalation_level"] as? Int == 1)
            #expect(responder.mails.isEmpty)
        }
    }

    @Test func withoutRelayEmailPagesAreUndeliverableAndOffTheOutboxLag() async throws {
        try await TestApplication.with(configure: { $0.escalationPollInterval = .seconds(3600) }) { app in
            let id = try await pageDana(app)
            let attempts = try await app.application.runDeliveries()
            #expect(attempts == 0)
            app.clock.advance(by: 600)
            let delivery = try #require(try await notifications(app, id).first)
            #expect(delivery["status"] as? String == "undeliverable")
            #expect(delivery["next_attempt_at"] is NSNull)
            #expect((delivery["last_error"] as? String)?.contains("--smtp-url") == true)
            let samples = try await app.request("GET", "/metrics").text.split(separator: "\n")
            #expect(samples.contains("klaxon_notifications_undeliverable 1"))
            #expect(samples.contains("klaxon_notifications_pending 0"))
            #expect(samples.contains("klaxon_outbox_lag_seconds 0"))
            // The outbox listings say the same as the incident's notifications.
            let outbox = try await app.request("GET", "/api/v1/outbox").items()
            let incidentOutbox = try await app.request("GET", "/api/v1/incidents/\(id)/outbox").items()
            for listing in [outbox, incidentOutbox] {
                let email = listing.filter { $0["channel"] as? String == "email" }
                #expect(!email.isEmpty)
                #expect(email.allSatisfy { $0["status"] as? String == "undeliverable" })
            }
        }
    }
}
