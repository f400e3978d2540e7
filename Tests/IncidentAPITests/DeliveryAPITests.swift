import Crypto
import Foundation
import IncidentDomain
import SQLiteCore
import Synchronization
import Testing

@testable import IncidentAPI

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The outbox worker end to end: the real application, receivers on 127.0.0.1 written here, a manual clock,
/// deliveries run with `runDeliveries()` after moving it.
@Suite("Delivery")
struct DeliveryAPITests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    static func refusingPrivateDestinations(_ configuration: inout ApplicationConfiguration) {
        configuration.delivery.allowPrivateDestinations = false
    }

    static func quickTimeoutsWithoutTimers(_ configuration: inout ApplicationConfiguration) {
        configuration.delivery.client.connectTimeout = 0.2
        configuration.delivery.client.totalTimeout = 0.2
        // The engine's timers must not escalate during the simulated day; only the dead page may.
        configuration.escalationPollInterval = .seconds(3600)
    }

    /// A user `handle` reached at `contact`, a one-level policy paging them (a second level paging `carol`
    /// by email) and a service following it; opens an incident there and returns its id.
    func pageUser(
        _ app: TestApplication, contact: [String: String], handle: String = "alice", delayMinutes: Int = 30
    ) async throws -> Int {
        var user: [String: Any] = ["handle": handle, "name": handle.capitalized]
        for (key, value) in contact { user[key] = value }
        try await app.expect(201, "POST", "/api/v1/users", json: user)
        try await app.expect(
            201, "POST", "/api/v1/users", json: ["handle": "carol", "name": "Carol", "email": "carol@example.com"])
        try await app.expect(
            201, "POST", "/api/v1/escalation-policies",
            json: [
                "name": "checkout",
                "levels": [
                    ["delay_minutes": delayMinutes, "targets": [["user": handle]]],
                    ["delay_minutes": delayMinutes, "targets": [["user": "carol"]]],
                ],
            ])
        try await app.expect(
            201, "POST", "/api/v1/services", json: ["name": "checkout", "escalation_policy": "checkout"])
        let incident = try await app.openIncident([
            "title": "Checkout <down>", "severity": "sev1", "service": "checkout",
        ])
        return incident["id"] as? Int ?? 0
    }

    func notifications(_ app: TestApplication, _ id: Int, token: String = TestApplication.adminToken) async throws
        -> [[String: Any]]
    {
        try await app.request("GET", "/api/v1/incidents/\(id)/notifications", token: token).items()
    }

    @Test func receiverFailingTwiceGetsThePageOnceAfterTwoRecordedFailures() async throws {
        let receiver = try TestReceiver.start(answers: [500, 503])
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            let id = try await pageUser(app, contact: ["webhook_url": receiver.url()])
            #expect(try await app.application.runDeliveries() == 1)
            var delivery = try #require(try await notifications(app, id).first)
            #expect(delivery["status"] as? String == "pending")
            #expect((delivery["last_error"] as? String)?.contains("500") == true)
            #expect(try await app.application.runDeliveries() == 0)  // not due yet
            app.clock.advance(by: 13)
            #expect(try await app.application.runDeliveries() == 1)
            app.clock.advance(by: 25)
            #expect(try await app.application.runDeliveries() == 1)
            app.clock.advance(by: 3600)
            #expect(try await app.application.runDeliveries() == 0)

            delivery = try #require(try await notifications(app, id).first)
            #expect(delivery["status"] as? String == "sent")
            let attempts = delivery["attempts"] as? [[String: Any]] ?? []
            #expect(attempts.map { $0["outcome"] as? String } == ["failure", "failure", "success"])
            #expect(attempts.map { $0["http_status"] as? Int } == [500, 503, 200])
            #expect(delivery["last_error"] is NSNull)
            let ids = Set(receiver.received.map { $0.headers["webhook-id"] ?? "" })
            #expect(receiver.received.count == 3)
            #expect(ids.count == 1 && ids.first?.hasPrefix("msg_") == true)
            #expect(ids.first == delivery["webhook_id"] as? String)
        }
    }

    /// A page waiting for a retry is cancelled once its incident is acknowledged (someone is awake) or resolved:
    /// a receiver that was down got "(triggered; ...)" pages for an incident long over (found by a walkthrough).
    /// A page a manual escalation sends after the acknowledgement still goes out.
    @Test func pagesWaitingForARetryAreCancelledOnceTheIncidentMovesOn() async throws {
        let receiver = try TestReceiver.start(answers: [500, 500, 500, 500])
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            let id = try await pageUser(app, contact: ["webhook_url": receiver.url()])
            #expect(try await app.application.runDeliveries() == 1)
            #expect(try await notifications(app, id).first?["status"] as? String == "pending")
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/acknowledge")
            var deliveries = try await notifications(app, id)
            #expect(deliveries.map { $0["status"] as? String } == ["cancelled"])
            // The timeline's "Paged level 0: @alice" is followed by what became of that page.
            #expect(
                try await app.timelineMessages(of: id, kind: "page_cancelled")
                    == [
                        "Page of level 0 withdrawn, not delivered to @alice (webhook): the incident was acknowledged first"
                    ])
            app.clock.advance(by: 3600)
            #expect(try await app.application.runDeliveries() == 0)
            #expect(receiver.received.count == 1)

            // Escalated by hand after the acknowledgement: carol's page (level 1, email, waiting for a relay here)
            // is not moot.
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/escalate")
            deliveries = try await notifications(app, id)
            #expect(deliveries.map { $0["status"] as? String } == ["cancelled", "undeliverable"])
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            deliveries = try await notifications(app, id)
            #expect(deliveries.map { $0["status"] as? String } == ["cancelled", "cancelled"])
            #expect(
                try await app.timelineMessages(of: id, kind: "page_cancelled") == [
                    "Page of level 0 withdrawn, not delivered to @alice (webhook): the incident was acknowledged first",
                    "Page of level 1 withdrawn, not delivered to @carol (email): the incident was resolved first",
                ])
            let kinds = try await app.timelineKinds(of: id)
            #expect(kinds.suffix(2) == ["resolved", "page_cancelled"], "\(kinds)")
            app.clock.advance(by: 3600)
            #expect(try await app.application.runDeliveries() == 0)
            #expect(
                try await app.request("GET", "/metrics").text.contains("\nklaxon_notifications_cancelled_total 2\n"))
        }
    }

    /// A page on its way when the incident resolves is not retried after it fails.
    @Test func aPageFailingAfterItsIncidentResolvedIsCancelledNotRetried() async throws {
        let receiver = try TestReceiver.start(answers: [500, 500])
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            let id = try await pageUser(app, contact: ["webhook_url": receiver.url()])
            let jobs = try await app.application.store.deliveries.claimDue(
                at: app.clock.now(), limit: 10, includingEmail: false)
            #expect(jobs.count == 1)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            #expect(try await notifications(app, id).first?["status"] as? String == "sending")
            let job = try #require(jobs.first)
            try await app.application.store.deliveries.record(
                DeliveryAttempt(startedAt: app.clock.now(), duration: 0.01, httpStatus: 500, error: "HTTP 500"),
                of: job.message.id, outcome: .retry(at: app.clock.now().addingTimeInterval(10)), at: app.clock.now())
            #expect(try await notifications(app, id).first?["status"] as? String == "cancelled")
            #expect(
                try await app.timelineMessages(of: id, kind: "page_cancelled")
                    == ["Page of level 0 withdrawn, not delivered to @alice (webhook): the incident was resolved first"]
            )
        }
    }

    /// After a reopen the incident's first acknowledgement time stays: the reopen's page is still cancelled by
    /// the next acknowledgement, and a page released after a crash is not sent once its incident moved on.
    @Test func aReopensPageIsCancelledByTheNextAcknowledgementAndAReleasedOneIsNotSent() async throws {
        let receiver = try TestReceiver.start(answers: Array(repeating: 500, count: 8))
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            let id = try await pageUser(app, contact: ["webhook_url": receiver.url()])
            #expect(try await app.application.runDeliveries() == 1)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/acknowledge")
            app.clock.advance(by: 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            app.clock.advance(by: 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/reopen")
            #expect(try await app.application.runDeliveries() == 1)
            var statuses = try await notifications(app, id).map { $0["status"] as? String }
            #expect(statuses == ["cancelled", "pending"])
            app.clock.advance(by: 60)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/acknowledge")
            statuses = try await notifications(app, id).map { $0["status"] as? String }
            #expect(statuses == ["cancelled", "cancelled"])

            // A page in flight at a crash, its incident resolved meanwhile: released at the restart, not sent.
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/reopen")
            let jobs = try await app.application.store.deliveries.claimDue(
                at: app.clock.now().addingTimeInterval(3600), limit: 10, includingEmail: false)
            #expect(jobs.count == 1)
            try await app.expect(200, "POST", "/api/v1/incidents/\(id)/resolve")
            #expect(try await app.application.store.deliveries.releaseInFlight(at: app.clock.now()) == 1)
            let sentBefore = receiver.received.count
            app.clock.advance(by: 3600)
            #expect(try await app.application.runDeliveries() == 0)
            #expect(receiver.received.count == sentBefore)
            statuses = try await notifications(app, id).map { $0["status"] as? String }
            #expect(statuses.allSatisfy { $0 == "cancelled" }, "\(statuses)")
        }
    }

    /// An attempt the database refuses to record (another process holds the write lock just then) is recorded
    /// once it goes, so the failed page is retried on schedule instead of staying in flight until a restart.
    @Test func attemptRefusedByALockedDatabaseIsRecordedOnceTheLockGoes() async throws {
        let databasePath = Mutex<String?>(nil)
        let blocker = Mutex<Connection?>(nil)
        let receiver = try TestReceiver.start(answers: [503]) {
            blocker.withLock { held in
                guard held == nil, let path = databasePath.withLock({ $0 }),
                    let connection = try? Connection(path: path)
                else { return }
                try? connection.execute("BEGIN IMMEDIATE")
                held = connection
            }
        }
        defer { Task { await receiver.stop() } }
        try await TestApplication.with(configure: { $0.databaseBusyTimeout = .milliseconds(50) }) { app in
            let id = try await pageUser(app, contact: ["webhook_url": receiver.url()])
            databasePath.withLock { $0 = app.directory.appendingPathComponent("klaxon.db").path }
            let deliveries = Task { try await app.application.runDeliveries() }
            for _ in 0..<300 where blocker.withLock({ $0 == nil }) { try await Task.sleep(for: .milliseconds(10)) }
            #expect(blocker.withLock { $0 != nil })
            try await Task.sleep(for: .milliseconds(600))  // the worker's first tries are refused meanwhile
            databasePath.withLock { $0 = nil }  // the retry below goes through
            blocker.withLock { held in
                try? held?.execute("ROLLBACK")
                held?.close()
                held = nil
            }
            #expect(try await deliveries.value == 1)
            var delivery = try #require(try await notifications(app, id).first)
            #expect(delivery["status"] as? String == "pending")
            #expect((delivery["last_error"] as? String)?.contains("503") == true)
            app.clock.advance(by: 13)
            #expect(try await app.application.runDeliveries() == 1)
            delivery = try #require(try await notifications(app, id).first)
            #expect(delivery["status"] as? String == "sent")
            #expect(receiver.received.count == 2)
        }
    }

    @Test func signedPageVerifiesOnTheReceivingSide() async throws {
        let receiver = try TestReceiver.start()
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            _ = try await app.expect(
                201, "POST", "/api/v1/users",
                json: ["handle": "dave", "name": "Dave", "webhook_url": receiver.url("dave")])
            try await app.expect(204, "PUT", "/api/v1/users/dave/signing-secret", json: ["secret": Self.secret])
            try await app.expect(422, "PUT", "/api/v1/users/dave/signing-secret", json: ["secret": "whsec_short"])
            // An empty object is refused, not taken as "stop signing": the page below is still signed.
            let empty = try await app.request("PUT", "/api/v1/users/dave/signing-secret", json: [String: Any]())
            #expect(empty.status == 422)
            #expect(empty.text.contains("or null to stop signing"), "\(empty.text)")
            try await app.expect(
                201, "POST", "/api/v1/escalation-policies",
                json: ["name": "signed", "levels": [["delay_minutes": 30, "targets": [["user": "dave"]]]]])
            try await app.expect(422, "PUT", "/api/v1/escalation-policies/signed/signing-secret", json: [String: Any]())
            try await app.expect(
                201, "POST", "/api/v1/services", json: ["name": "signed", "escalation_policy": "signed"])
            _ = try await app.openIncident(["title": "Signed page", "service": "signed"])
            try await app.application.runDeliveries()

            let page = try #require(receiver.received.first)
            let id = try #require(page.headers["webhook-id"])
            let timestamp = try #require(page.headers["webhook-timestamp"])
            #expect(timestamp == String(Int64(app.clock.now().timeIntervalSince1970)))
            let signature = try #require(page.headers["webhook-signature"])
            #expect(signature.hasPrefix("v1,"))
            let key = SymmetricKey(data: Data(base64Encoded: String(Self.secret.dropFirst(6)))!)
            let expected = HMAC<SHA256>.authenticationCode(
                for: Array("\(id).\(timestamp).".utf8) + page.body, using: key)
            #expect(signature == "v1," + Data(expected).base64EncodedString())
            var tampered = page.body
            tampered[tampered.count - 2] ^= 1
            let forged = HMAC<SHA256>.authenticationCode(for: Array("\(id).\(timestamp).".utf8) + tampered, using: key)
            #expect(signature != "v1," + Data(forged).base64EncodedString())
            #expect(page.headers["content-type"] == "application/json")
            let body = try page.object()
            #expect(body["event"] as? String == "incident.paged")
            let links = body["links"] as? [String: String] ?? [:]
            #expect(links["acknowledge"]?.hasPrefix("http://127.0.0.1:\(app.port)/api/v1/actions/") == true)
            let incident = body["incident"] as? [String: Any] ?? [:]
            #expect(incident["url"] as? String == links["api"], "absolute, as the links: \(incident)")
            #expect((incident["url"] as? String)?.hasPrefix("http://127.0.0.1:\(app.port)/api/v1/incidents/") == true)
        }
    }

    @Test func withTheDashboardServedAPagesIncidentLinkOpensItThere() async throws {
        let receiver = try TestReceiver.start()
        defer { Task { await receiver.stop() } }
        try await DashboardAPITests.withDashboard { app in
            let id = try await pageUser(app, contact: ["webhook_url": receiver.url()])
            try await app.application.runDeliveries()
            let links = try #require(try receiver.received.first?.object()["links"] as? [String: String])
            #expect(links["incident"] == "http://127.0.0.1:\(app.port)/#/incidents/\(id)")
            #expect(links["api"] == "http://127.0.0.1:\(app.port)/api/v1/incidents/\(id)")
        }
    }

    @Test func slackPageHasTextAndBlocksWithLinkButtons() async throws {
        let receiver = try TestReceiver.start()
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            let id = try await pageUser(app, contact: ["slack_webhook_url": receiver.url("slack")], handle: "bob")
            try await app.application.runDeliveries()
            let body = try #require(try receiver.received.first?.object())
            #expect(body["text"] as? String == "[sev1] #\(id) Checkout &lt;down&gt; (triggered; escalation level 0)")
            let blocks = body["blocks"] as? [[String: Any]] ?? []
            #expect(blocks.map { $0["type"] as? String } == ["section", "context", "actions"])
            let section = blocks.first?["text"] as? [String: Any]
            #expect(section?["type"] as? String == "mrkdwn")
            #expect((section?["text"] as? String)?.contains("Checkout &lt;down&gt;") == true)
            let context = blocks[1]["elements"] as? [[String: Any]] ?? []
            #expect((context.first?["text"] as? String)?.contains("@bob") == true)
            let buttons = blocks[2]["elements"] as? [[String: Any]] ?? []
            #expect(buttons.map { $0["type"] as? String } == ["button", "button"])
            #expect(buttons.map { ($0["text"] as? [String: Any])?["text"] as? String } == ["Acknowledge", "Resolve"])
            #expect(buttons.allSatisfy { ($0["url"] as? String)?.contains("/api/v1/actions/") == true })
        }
    }

    @Test func oneClickLinkAcknowledgesAsThePagedUser() async throws {
        let receiver = try TestReceiver.start()
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            let id = try await pageUser(app, contact: ["webhook_url": receiver.url()])
            try await app.application.runDeliveries()
            let links = try #require(try receiver.received.first?.object()["links"] as? [String: String])
            let acknowledge = try #require(links["acknowledge"]).replacingOccurrences(
                of: "http://127.0.0.1:\(app.port)", with: "")

            let page = try await app.request("GET", acknowledge, token: nil)
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.text.contains("<form method=\"post\">"))
            #expect(page.text.contains("Checkout &lt;down&gt;"))
            #expect(!page.text.contains("<script"))
            let stillTriggered = try await app.expect(200, "GET", "/api/v1/incidents/\(id)")
            #expect(stillTriggered["status"] as? String == "triggered")

            let done = try await app.request("POST", acknowledge, token: nil)
            #expect(done.status == 200)
            let incident = try await app.expect(200, "GET", "/api/v1/incidents/\(id)")
            #expect(incident["status"] as? String == "acknowledged")
            let events = try await app.request("GET", "/api/v1/incidents/\(id)/timeline").items()
            let acknowledged = try #require(events.first { $0["kind"] as? String == "acknowledged" })
            #expect(acknowledged["actor"] as? String == "alice")
            #expect(acknowledged["actor_kind"] as? String == "user")
            #expect(try await app.request("POST", acknowledge, token: nil).status == 409)
            // A second click in a browser: a page saying what happened, and no button that can only fail.
            let html = ["Accept": "text/html,application/xhtml+xml"]
            let again = try await app.request("GET", acknowledge, token: nil, headers: html)
            #expect(again.status == 200)
            #expect(again.text.contains("Nothing to do: it is acknowledged since "))
            #expect(again.text.contains(", by @alice."), "\(again.text)")
            #expect(!again.text.contains("<form"))
            let pressedAgain = try await app.request("POST", acknowledge, token: nil, headers: html)
            #expect(pressedAgain.status == 409)
            #expect(pressedAgain.headers["content-type"] == "text/html; charset=utf-8")
            #expect(pressedAgain.text.contains("Nothing to do: it is acknowledged since "))
            // Without a dashboard served, the incident link is the API's; with one (MailPageTests), the dashboard's.
            #expect(links["incident"] == "http://127.0.0.1:\(app.port)/api/v1/incidents/\(id)")
            #expect(links["api"] == links["incident"])

            var forged = Array(acknowledge)
            forged[forged.count - 3] = forged[forged.count - 3] == "A" ? "B" : "A"
            #expect(try await app.request("GET", String(forged), token: nil).status == 403)
            let otherIncident = acknowledge.replacingOccurrences(of: "/actions/\(id).", with: "/actions/\(id + 1).")
            #expect(try await app.request("POST", otherIncident, token: nil).status == 403)
            #expect(try await app.request("GET", "/api/v1/actions/nonsense", token: nil).status == 404)
            let nonsensePage = try await app.request("GET", "/api/v1/actions/nonsense", token: nil, headers: html)
            #expect(nonsensePage.status == 404)
            #expect(nonsensePage.headers["content-type"] == "text/html; charset=utf-8")
            #expect(nonsensePage.text.contains("copy the whole link from the page"))
            app.clock.advance(by: 24 * 3600 + 1)
            let expired = try await app.request(
                "GET",
                links["resolve"]!.replacingOccurrences(
                    of: "http://127.0.0.1:\(app.port)", with: ""), token: nil)
            #expect(expired.status == 410)
        }
    }

    @Test func redirectIsNotFollowedAndCountsAsAFailure() async throws {
        let receiver = try TestReceiver.start(answers: [302])
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            let id = try await pageUser(app, contact: ["webhook_url": receiver.url()])
            try await app.application.runDeliveries()
            #expect(receiver.received.map(\.path) == ["/hook/alice"])
            let delivery = try #require(try await notifications(app, id).first)
            #expect(delivery["status"] as? String == "pending")
            let attempt = try #require((delivery["attempts"] as? [[String: Any]])?.first)
            #expect(attempt["http_status"] as? Int == 302)
            #expect((attempt["error"] as? String)?.contains("redirects are not followed") == true)
        }
    }

    @Test func silentReceiverIsRetriedOnTheBackoffScheduleThenDeadWhichEscalates() async throws {
        let silent = try SilentListener()
        defer { silent.close() }
        let log = CapturedLog()
        try await TestApplication.with(logger: log.logger, configure: Self.quickTimeoutsWithoutTimers) { app in
            let id = try await pageUser(app, contact: ["webhook_url": silent.url], delayMinutes: 1440)
            let started = app.clock.now()
            var rounds = 0
            var delivery: [String: Any] = [:]
            while rounds < 60 {
                try await app.application.runDeliveries()
                rounds += 1
                if rounds == 1 {
                    // Failing, not yet given up: the log and /metrics say so between the retries.
                    let metrics = try await app.request("GET", "/metrics").text
                    #expect(metrics.contains("\nklaxon_notifications_retrying 1\n"))
                    let line = log.lines.last { $0.message == "page not delivered; retrying" }
                    #expect(line?.metadata["attempt"] == "1")
                    #expect(line?.metadata["incident_id"] == "\(id)")
                    #expect(line?.metadata["error"]?.contains("timed out") == true)
                }
                delivery = try #require(try await notifications(app, id).first)
                guard delivery["status"] as? String == "pending", let next = delivery["next_attempt_at"] as? String,
                    let due = ISO8601DateFormatter.withFractions.date(from: next)
                else { break }
                app.clock.advance(by: due.timeIntervalSince(app.clock.now()))
            }
            #expect(delivery["status"] as? String == "dead")
            #expect((delivery["last_error"] as? String)?.contains("timed out") == true)
            let attempts = delivery["attempts"] as? [[String: Any]] ?? []
            #expect(attempts.count == rounds)
            #expect((25...40).contains(attempts.count))
            // Each wait is 10 s doubled per failure, capped at an hour, scaled by 0.8 to 1.2.
            let times = attempts.compactMap {
                ($0["started_at"] as? String).flatMap(ISO8601DateFormatter.withFractions.date)
            }
            for index in 1..<times.count {
                let base = min(10 * pow(2, Double(index - 1)), 3600)
                let gap = times[index].timeIntervalSince(times[index - 1])
                #expect(gap >= base * 0.8 - 0.01 && gap <= base * 1.2 + 0.01, "wait \(index): \(gap) s")
            }
            #expect(try #require(times.last).timeIntervalSince(started) <= 24 * 3600)

            #expect(log.lines.filter { $0.message == "page not delivered; retrying" }.count == rounds - 1)
            #expect(log.lines.filter { $0.message == "page given up" }.count == 1)
            let dead = try await app.timelineMessages(of: id, kind: "notification_dead")
            #expect(dead.count == 1 && dead.first?.contains("@alice") == true)
            let state = try await app.expect(200, "GET", "/api/v1/incidents/\(id)/escalation")
            #expect(state["escalation_level"] as? Int == 1)
            #expect(try await app.outbox(of: id).last == "1/0 carol@example.com")
            let escalated = try await app.timelineMessages(of: id, kind: "escalated")
            #expect(escalated.count == 1)
            #expect(
                escalated.first?.hasPrefix("Escalated to level 1: at once, since the page to @alice at level 0")
                    == true,
                "\(escalated)")
        }
    }

    /// A page to `contact`, saved and queued by a server that allows private destinations, then sent by one that
    /// refuses them (names are checked again at each send; `localhost` itself is already refused when saved).
    func pagedThenSentRefusingPrivate(
        contact: [String: String], _ body: (TestApplication, Int) async throws -> Void
    ) async throws {
        let clock = ManualClock()
        let first = try await TestApplication.start(clock: clock)
        let id: Int
        do {
            id = try await pageUser(first, contact: contact)
            await first.stopKeepingFiles()
        } catch {
            await first.stop()
            throw error
        }
        let second = try await TestApplication.start(
            clock: clock, reusing: first.directory, configure: Self.refusingPrivateDestinations)
        do {
            try await body(second, id)
            await second.stop()
        } catch {
            await second.stop()
            throw error
        }
    }

    @Test func nameResolvingToAPrivateAddressIsRefusedWhenSent() async throws {
        let receiver = try TestReceiver.start()
        defer { Task { await receiver.stop() } }
        try await pagedThenSentRefusingPrivate(contact: ["webhook_url": "http://localhost:\(receiver.port)/hook/alice"])
        {
            app, id in
            try await app.application.runDeliveries()
            #expect(receiver.received.isEmpty)
            let delivery = try #require(try await notifications(app, id).first)
            let error = delivery["last_error"] as? String ?? ""
            #expect(error.contains("destination refused: localhost is") && error.contains("loopback"), "\(error)")
        }
    }

    @Test func privateAddressLiteralIsRefusedWhenSaved() async throws {
        try await TestApplication.with(configure: Self.refusingPrivateDestinations) { app in
            for url in [
                "http://127.0.0.1:9/x", "http://0x7f.1/x", "http://2130706433/x", "http://[::ffff:169.254.169.254]/x",
            ] {
                let answer = try await app.request(
                    "POST", "/api/v1/users", json: ["handle": "eve", "name": "Eve", "webhook_url": url])
                #expect(answer.status == 422, "\(url)")
                #expect(answer.text.contains("webhook_url"), "\(url)")
            }
            let slack = try await app.request(
                "POST", "/api/v1/users",
                json: ["handle": "eve", "name": "Eve", "slack_webhook_url": "https://10.1.2.3/services/x"])
            #expect(slack.status == 422 && slack.text.contains("slack_webhook_url"))
            let policy = try await app.request(
                "POST", "/api/v1/escalation-policies",
                json: [
                    "name": "p", "levels": [["delay_minutes": 5, "targets": [["webhook": "http://192.168.0.10/h"]]]],
                ])
            #expect(policy.status == 422 && policy.text.contains("levels.0.targets.0.webhook"))
            let named = try await app.request(
                "POST", "/api/v1/users", json: ["handle": "eve", "name": "Eve", "webhook_url": "http://localhost:9/x"])
            #expect(named.status == 422 && named.text.contains("the loopback name localhost"), "\(named.text)")
            try await app.expect(
                201, "POST", "/api/v1/users",
                json: ["handle": "eve", "name": "Eve", "webhook_url": "http://93.184.216.34/x"])
        }
        let allowed = try await TestApplication.with { app in
            try await app.expect(
                201, "POST", "/api/v1/users",
                json: ["handle": "eve", "name": "Eve", "webhook_url": "http://127.0.0.1:9/x"])
        }
        #expect(allowed["webhook_url"] as? String == "http://127.0.0.1:9/x")
    }

    @Test func httpsGoesThroughLibcurlToTheVettedAddress() async throws {
        let receiver = try TestReceiver.start()
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            // A plain-HTTP port behind an https URL: curl reaches the vetted address, and the handshake fails.
            let id = try await pageUser(app, contact: ["webhook_url": "https://localhost:\(receiver.port)/hook/alice"])
            try await app.application.runDeliveries()
            let delivery = try #require(try await notifications(app, id).first)
            #expect(delivery["status"] as? String == "pending")
            let error = delivery["last_error"] as? String ?? ""
            #expect(error.contains("https to 127.0.0.1") || error.contains("https to [0:0:0:0:0:0:0:1]"), "\(error)")
            #expect(receiver.received.isEmpty)
        }
        try await pagedThenSentRefusingPrivate(
            contact: ["webhook_url": "https://localhost:\(receiver.port)/hook/alice"]
        ) { app, id in
            try await app.application.runDeliveries()
            let delivery = try #require(try await notifications(app, id).first)
            let error = delivery["last_error"] as? String ?? ""
            #expect(error.contains("destination refused: localhost is"), "\(error)")
        }
    }

    @Test func readTokensSeeOnlyTheOriginOfDeliveryAddresses() async throws {
        let receiver = try TestReceiver.start()
        defer { Task { await receiver.stop() } }
        try await TestApplication.with { app in
            let id = try await pageUser(app, contact: ["webhook_url": receiver.url()])
            let reader = try await app.createToken(name: "reader", scope: "read")
            let seen = try #require(try await notifications(app, id, token: reader).first)
            #expect(seen["address"] as? String == "http://127.0.0.1:\(receiver.port)")
            let admin = try #require(try await notifications(app, id).first)
            #expect(admin["address"] as? String == receiver.url())
        }
    }
}

extension ISO8601DateFormatter {
    /// The API's timestamps: RFC 3339 with milliseconds.
    nonisolated(unsafe) static let withFractions: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}
