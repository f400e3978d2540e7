import Foundation
import Testing

@testable import IncidentAPI

/// `GET /api/v1/stream` end to end: real server, real SQLite file, a raw socket client reading the SSE body.
@Suite struct LiveStreamAPITests {
    static let bearer = ["Authorization": "Bearer \(TestApplication.adminToken)"]

    @Test func aClientSeesAnAcknowledgeMadeByAnotherClient() async throws {
        try await TestApplication.with { app in
            let watcher = try await EventStreamClient.open(port: app.port, headers: Self.bearer)
            #expect(watcher.status == 200)
            #expect(watcher.headers["content-type"] == "text/event-stream; charset=utf-8")
            #expect(watcher.headers["cache-control"] == "no-store")

            let opened = try await app.openIncident(["title": "Checkout is down", "severity": "sev2"])
            let id = try #require(opened["id"] as? Int)
            let creation = await watcher.events(2)
            try #require(creation.count == 2)
            #expect(creation[0].event == "incident.created")
            #expect(try creation[0].object()["id"] as? Int == id)
            #expect(try creation[0].object()["title"] as? String == "Checkout is down")
            #expect(creation[1].event == "timeline.appended")
            #expect(try creation[1].object()["incident_id"] as? Int == id)

            // Another client (with its own token) acknowledges.
            let responder = try await app.createToken(name: "responder", scope: "write")
            let ack = try await app.request(
                "POST", "/api/v1/incidents/\(id)/acknowledge", token: responder, json: ["note": "on it"])
            #expect(ack.status == 200)
            let acknowledged = await watcher.events(2)
            try #require(acknowledged.count == 2)
            #expect(acknowledged[0].event == "incident.updated")
            #expect(try acknowledged[0].object()["status"] as? String == "acknowledged")
            #expect(acknowledged[1].event == "timeline.appended")
            let event = try #require(try acknowledged[1].object()["event"] as? [String: Any])
            #expect(event["kind"] as? String == "acknowledged")
            #expect(event["actor"] as? String == "responder")
            // Ids name the timeline event and the part, growing.
            let eventID = try #require(event["id"] as? Int)
            #expect(acknowledged.map(\.id) == ["\(eventID)-1", "\(eventID)-2"])
        }
    }

    @Test func resumingWithLastEventIDMissesNothingAndRepeatsNothing() async throws {
        try await TestApplication.with { app in
            let first = try await EventStreamClient.open(port: app.port, headers: Self.bearer)
            let opened = try await app.openIncident(["title": "Disk full", "severity": "sev3"])
            let id = try #require(opened["id"] as? Int)
            // The client drops right after the incident part of the creation, before its timeline part.
            let seen = await first.events(1)
            let lastSeen = try #require(seen.first?.id)
            #expect(lastSeen.hasSuffix("-1"))

            // While it is away: an acknowledge, a note, and a second incident.
            #expect(try await app.request("POST", "/api/v1/incidents/\(id)/acknowledge").status == 200)
            #expect(
                try await app.request("POST", "/api/v1/incidents/\(id)/notes", json: ["text": "rotating logs"]).status
                    == 201)
            let second = try await app.openIncident(["title": "Queue backlog", "severity": "sev4"])
            let secondID = try #require(second["id"] as? Int)

            let resumed = try await EventStreamClient.open(
                port: app.port, headers: Self.bearer.merging(["Last-Event-ID": lastSeen]) { $1 })
            #expect(resumed.status == 200)
            let missed = await resumed.events(7)
            #expect(
                missed.map(\.event) == [
                    "timeline.appended",  // the creation's second part
                    "incident.updated", "timeline.appended",  // acknowledged
                    "incident.updated", "timeline.appended",  // the note
                    "incident.created", "timeline.appended",  // the second incident
                ])
            #expect(try missed[0].object()["incident_id"] as? Int == id)
            #expect(try missed[5].object()["id"] as? Int == secondID)
            let kinds = try missed.filter { $0.event == "timeline.appended" }.map {
                try #require(try $0.object()["event"] as? [String: Any])["kind"] as? String
            }
            #expect(kinds == ["created", "acknowledged", "note", "created"])
            // Every id after the one resumed from, each once, in order.
            let ids = missed.compactMap(\.id)
            #expect(Set(ids).count == ids.count)
            #expect(!ids.contains(lastSeen))

            // And it is live from there on.
            #expect(try await app.request("POST", "/api/v1/incidents/\(secondID)/resolve").status == 200)
            let live = await resumed.events(2)
            #expect(live.map(\.event) == ["incident.updated", "timeline.appended"])
            #expect(try live.first?.object()["status"] as? String == "resolved")
        }
    }

    @Test func tokenInTheQueryIsAcceptedForEventSource() async throws {
        try await TestApplication.with { app in
            let reader = try await app.createToken(name: "wallboard", scope: "read")
            let viaQuery = try await EventStreamClient.open(
                port: app.port, path: "/api/v1/stream?token=\(reader)", headers: [:])
            #expect(viaQuery.status == 200)
            _ = try await app.openIncident(["title": "Seen through a query token"])
            let events = await viaQuery.events(1)
            #expect(events.first?.event == "incident.created")

            let anonymous = try await EventStreamClient.open(port: app.port, headers: [:])
            #expect(anonymous.status == 401)
            let wrong = try await EventStreamClient.open(
                port: app.port, path: "/api/v1/stream?token=klx_nope", headers: [:])
            #expect(wrong.status == 401)
            // Only the stream takes a token from the query: it would end up in logs and histories elsewhere.
            let list = try await app.request("GET", "/api/v1/incidents?token=\(reader)", token: nil)
            #expect(list.status == 401)
        }
    }

    /// A token revoked while its stream is open: the stream ends before the next event instead of going on
    /// with it (found by a dashboard walkthrough: a revoked wallboard kept showing live incidents).
    @Test func revokingATokenEndsItsOpenStreamBeforeTheNextEvent() async throws {
        try await TestApplication.with { app in
            let reader = try await app.createToken(name: "wallboard", scope: "read")
            let stream = try await EventStreamClient.open(
                port: app.port, path: "/api/v1/stream?token=\(reader)", headers: [:])
            #expect(stream.status == 200)
            _ = try await app.openIncident(["title": "Seen before the revocation"])
            #expect(await stream.events(1).first?.event == "incident.created")
            try await app.expect(204, "DELETE", "/api/v1/tokens/wallboard")
            _ = try await app.openIncident(["title": "Not for a revoked token"])
            #expect(await stream.waitForEnd(timeout: 10))
            let late = await stream.events(1, timeout: 0.5)
            #expect(!late.contains { $0.data.contains("Not for a revoked token") })
            let again = try await EventStreamClient.open(
                port: app.port, path: "/api/v1/stream?token=\(reader)", headers: [:])
            #expect(again.status == 401)
        }
    }

    @Test func aMalformedLastEventIDIsABadRequest() async throws {
        try await TestApplication.with { app in
            for bad in ["abc", "12-7", "-1", "12-", "1-2-3"] {
                let client = try await EventStreamClient.open(
                    port: app.port, headers: Self.bearer.merging(["Last-Event-ID": bad]) { $1 })
                #expect(client.status == 400, "Last-Event-ID \(bad)")
            }
        }
    }

    @Test func heartbeatsKeepAnIdleStreamAlive() async throws {
        try await TestApplication.with(configure: { $0.streamHeartbeatInterval = .milliseconds(200) }) { app in
            let client = try await EventStreamClient.open(port: app.port, headers: Self.bearer)
            let beats = await client.events(2, includeComments: true, timeout: 10)
            #expect(beats.count == 2)
            #expect(beats.allSatisfy { $0.comment == "heartbeat" })
        }
    }

    @Test func shutdownEndsOpenStreamsWithoutWaitingForTheGracePeriod() async throws {
        let app = try await TestApplication.start()
        let client = try await EventStreamClient.open(port: app.port, headers: Self.bearer)
        #expect(client.status == 200)
        let grace = Duration.seconds(30)
        let started = ContinuousClock.now
        // The stream's end is timed on its own thread, apart from the rest of the shutdown (closing the database).
        async let streamEnded: Duration? = {
            await client.waitForEnd(timeout: 60) ? ContinuousClock.now - started : nil
        }()
        await app.application.shutdown(gracePeriod: grace)
        let shutdownTook = ContinuousClock.now - started
        let ended = await streamEnded
        #expect(ended != nil)
        // Without ending its streams, the server would wait out the whole grace period for this connection.
        #expect((ended ?? grace) < grace / 3, "stream ended after \(String(describing: ended))")
        #expect(shutdownTook < grace / 2, "shutdown took \(shutdownTook)")
        await app.stop()
    }

    @Test func aClientTooSlowToKeepUpIsCutOffInsteadOfHoldingMemory() async throws {
        try await TestApplication.with { app in
            // A hub of its own (not running its loop, so this test decides when it publishes) with room for 3.
            let hub = LiveEventHub(
                incidents: app.application.store.incidents, subscriberBufferLimit: 3,
                logger: app.application.logger)
            try await hub.prime()
            let subscription = try #require(hub.subscribe())
            for index in 0..<3 {
                _ = try await app.openIncident(["title": "Storm \(index)"])
                try await hub.publishNewEvents()
            }
            #expect(hub.subscriberCount == 1)
            _ = try await app.openIncident(["title": "One too many"])
            try await hub.publishNewEvents()
            #expect(hub.subscriberCount == 0)
            // What it had room for is still there, and then its stream ends (the client reconnects and resumes).
            var buffered: [String] = []
            for await frames in subscription.frames { buffered.append(String(decoding: frames, as: UTF8.self)) }
            #expect(buffered.count == 3)
            #expect(buffered.allSatisfy { $0.contains("event: incident.created") })
        }
    }
}

@Suite struct LiveEventHubSkippingTests {
    @Test func withoutSubscribersTheMarkMovesOnAndSubscribersStillGetEveryEvent() async throws {
        try await TestApplication.with { app in
            let incidents = app.application.store.incidents
            let hub = LiveEventHub(incidents: incidents, logger: app.application.logger)
            try await hub.prime()
            // A subscriber present: events are read and published to it.
            let first = try #require(hub.subscribe())
            _ = try await app.openIncident(["title": "Seen live"])
            try await hub.publishNewEvents()
            hub.unsubscribe(first.id)
            var seen: [String] = []
            for await frames in first.frames { seen.append(String(decoding: frames, as: UTF8.self)) }
            #expect(seen.count == 1 && seen[0].contains("Seen live"))

            // Nobody subscribed: the mark moves to the newest event, which a new subscriber catches up to.
            for index in 0..<3 { _ = try await app.openIncident(["title": "Unwatched \(index)"]) }
            try await hub.publishNewEvents()
            let newest = try await incidents.lastTimelineEventID()
            let second = try #require(hub.subscribe())
            #expect(second.liveAfter == newest)
            _ = try await app.openIncident(["title": "Watched"])
            try await hub.publishNewEvents()
            hub.close()
            var live: [String] = []
            for await frames in second.frames { live.append(String(decoding: frames, as: UTF8.self)) }
            #expect(live.count == 1)
            #expect(live.first?.contains("\"Watched\"") == true)
            #expect(live.first?.contains("Unwatched") == false)
        }
    }
}

@Suite struct LiveEventPositionTests {
    @Test func parsesWhatTheStreamSends() throws {
        let position = try #require(LiveEventPosition(parsing: "42-1"))
        #expect(position.event.rawValue == 42 && position.part == 1)
        #expect(position.completedEvent.rawValue == 41)
        #expect(position.description == "42-1")
        let bare = try #require(LiveEventPosition(parsing: "42"))
        #expect(bare.part == LiveEventPosition.timelinePart && bare.completedEvent.rawValue == 42)
        for bad in ["", "-", "x-1", "42-0", "42-3", "42-+1", "+42", "42--1", " 42", "٤٢-1"] {
            #expect(LiveEventPosition(parsing: Substring(bad)) == nil, "\(bad)")
        }
    }

    @Test func orderIsByEventThenPart() throws {
        let position = LiveEventPosition(event: .init(10), part: 1)
        #expect(position.precedes(event: .init(10), part: 2))
        #expect(!position.precedes(event: .init(10), part: 1))
        #expect(position.precedes(event: .init(11), part: 1))
        #expect(!position.precedes(event: .init(9), part: 2))
    }
}
