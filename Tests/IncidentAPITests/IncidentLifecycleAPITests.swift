import Foundation
import Testing

@Suite struct IncidentLifecycleAPITests {
    @Test func incidentGoesThroughTheWholeLifecycleOverHTTP() async throws {
        try await TestApplication.with { app in
            let created = try await app.request(
                "POST", "/api/v1/incidents",
                json: ["title": "Checkout latency over SLO", "severity": "sev2", "labels": ["team": "payments"]])
            #expect(created.status == 201)
            let incident = try created.object()
            let id = try #require(incident["id"] as? Int)
            #expect(created.headers["location"] == "/api/v1/incidents/\(id)")
            #expect(incident["status"] as? String == "triggered")
            #expect(incident["severity"] as? String == "sev2")
            #expect(incident["version"] as? Int == 1)
            #expect((incident["service"] as? [String: Any])?["name"] as? String == "default")
            #expect(incident["allowed_actions"] as? [String] == ["acknowledge", "escalate", "mitigate", "resolve"])

            app.clock.advance(by: 90)
            let acknowledged = try await app.request(
                "POST", "/api/v1/incidents/\(id)/acknowledge", json: ["note": "looking"])
            #expect(acknowledged.status == 200)
            #expect(try acknowledged.object()["status"] as? String == "acknowledged")
            #expect(try acknowledged.object()["acknowledged_at"] as? String != nil)

            let escalated = try await app.request(
                "POST", "/api/v1/incidents/\(id)/escalate", json: ["severity": "sev1"])
            #expect(try escalated.object()["escalation_level"] as? Int == 1)
            #expect(try escalated.object()["severity"] as? String == "sev1")

            let mitigated = try await app.request("POST", "/api/v1/incidents/\(id)/mitigate")
            #expect(try mitigated.object()["status"] as? String == "mitigated")
            let resolved = try await app.request("POST", "/api/v1/incidents/\(id)/resolve")
            #expect(try resolved.object()["status"] as? String == "resolved")
            // Now a sev1: without its postmortem it closes only by force (PostmortemAPITests covers the rule).
            let closed = try await app.request("POST", "/api/v1/incidents/\(id)/close", json: ["force": true])
            #expect(closed.status == 200)
            let final = try closed.object()
            #expect(final["status"] as? String == "closed")
            #expect(final["allowed_actions"] as? [String] == [])
            #expect(final["version"] as? Int == 6)

            let timeline = try await app.request("GET", "/api/v1/incidents/\(id)/timeline")
            let kinds = try timeline.items().compactMap { $0["kind"] as? String }
            #expect(kinds == ["created", "acknowledged", "escalated", "mitigated", "resolved", "closed"])
            let first = try #require(try timeline.items().first)
            #expect(first["actor"] as? String == "admin")
        }
    }

    @Test func invalidTransitionIs409NamingStatusAndAllowedActions() async throws {
        try await TestApplication.with { app in
            let id = try await app.openIncident(["title": "Disk full on db-1"])["id"] as! Int
            let answer = try await app.request("POST", "/api/v1/incidents/\(id)/close")
            #expect(answer.status == 409)
            #expect(answer.headers["content-type"] == "application/problem+json")
            let problem = try answer.object()
            #expect(problem["current_status"] as? String == "triggered")
            #expect(problem["allowed_actions"] as? [String] == ["acknowledge", "escalate", "mitigate", "resolve"])
            let unchanged = try await app.request("GET", "/api/v1/incidents/\(id)")
            #expect(try unchanged.object()["version"] as? Int == 1)
        }
    }

    @Test func dedupKeyReturnsTheOpenIncidentInsteadOfANewOne() async throws {
        try await TestApplication.with { app in
            let first = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": "API 5xx", "dedup_key": "api-5xx"])
            #expect(first.status == 201)
            let again = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": "API 5xx again", "dedup_key": "api-5xx"])
            #expect(again.status == 200)
            #expect(try again.object()["id"] as? Int == (try first.object()["id"] as? Int))
            let list = try await app.request("GET", "/api/v1/incidents")
            #expect(try list.items().count == 1)
        }
    }

    @Test func patchRecordsFieldChangesAndHonoursIfMatch() async throws {
        try await TestApplication.with { app in
            let id = try await app.openIncident(["title": "Queue backlog"])["id"] as! Int
            let stale = try await app.request(
                "PATCH", "/api/v1/incidents/\(id)", json: ["severity": "sev1"], headers: ["If-Match": "\"7\""])
            #expect(stale.status == 412)
            let patched = try await app.request(
                "PATCH", "/api/v1/incidents/\(id)", json: ["severity": "sev1", "commander": "alice"],
                headers: ["If-Match": "\"1\""])
            #expect(patched.status == 200)
            #expect(patched.headers["etag"] == "\"2\"")
            let body = try patched.object()
            #expect(body["severity"] as? String == "sev1")
            #expect(body["commander"] as? String == "alice")
            let timeline = try await app.request("GET", "/api/v1/incidents/\(id)/timeline")
            let changes = try timeline.items().filter { $0["kind"] as? String == "field_changed" }
            let fields = Set(changes.compactMap { ($0["data"] as? [String: Any])?["field"] as? String })
            #expect(fields == ["severity", "commander"])
        }
    }

    @Test func ifMatchTakesAStarAndAListOfOneVersionAndExplainsWeakTags() async throws {
        try await TestApplication.with { app in
            let id = try await app.openIncident(["title": "Cache misses"])["id"] as! Int
            let any = try await app.request(
                "PATCH", "/api/v1/incidents/\(id)", json: ["severity": "sev2"], headers: ["If-Match": "*"])
            #expect(any.status == 200)
            #expect(any.headers["etag"] == "\"2\"")
            let listed = try await app.request(
                "POST", "/api/v1/incidents/\(id)/acknowledge", headers: ["If-Match": "\"2\", \"2\""])
            #expect(listed.status == 200)
            let staleList = try await app.request(
                "POST", "/api/v1/incidents/\(id)/resolve", headers: ["If-Match": "\"1\",\"1\""])
            #expect(staleList.status == 412)
            let weak = try await app.request(
                "POST", "/api/v1/incidents/\(id)/resolve", headers: ["If-Match": "W/\"3\""])
            #expect(weak.status == 400)
            #expect(
                try weak.object()["detail"] as? String ?? ""
                    == "If-Match: W/\"3\" is a weak entity tag, which If-Match never matches (it compares strongly); send the ETag as answered, like \"3\""
            )
            let two = try await app.request(
                "POST", "/api/v1/incidents/\(id)/resolve", headers: ["If-Match": "\"2\", \"3\""])
            #expect(two.status == 400)
            let unchanged = try await app.request("GET", "/api/v1/incidents/\(id)")
            #expect(try unchanged.object()["status"] as? String == "acknowledged")
        }
    }

    @Test func actionAndNoteBodiesRefuseUnknownMembersInsteadOfDroppingThem() async throws {
        try await TestApplication.with { app in
            let id = try await app.openIncident(["title": "Checkout latency"])["id"] as! Int
            let typo = try await app.request("POST", "/api/v1/incidents/\(id)/acknowledge", json: ["nte": "on it"])
            #expect(typo.status == 422)
            let problem = try typo.object()
            let error = (problem["errors"] as? [[String: Any]])?.first
            #expect(error?["field"] as? String == "nte")
            #expect((error?["message"] as? String)?.hasSuffix(#"did you mean "note"?"#) == true)
            let noteTypo = try await app.request("POST", "/api/v1/incidents/\(id)/notes", json: ["txt": "rolled back"])
            #expect(noteTypo.status == 422)
            #expect(noteTypo.text.contains(#"did you mean \"text\"?"#))
            // Nothing close: the answer lists the fields the body has.
            let unrelated = try await app.request(
                "POST", "/api/v1/incidents/\(id)/acknowledge", json: ["comment": "on it"])
            #expect(unrelated.text.contains("its fields: force, note, severity"))
            let timeline = try await app.request("GET", "/api/v1/incidents/\(id)/timeline")
            #expect(try timeline.items().map { $0["kind"] as? String } == ["created"])
            let acknowledged = try await app.request(
                "POST", "/api/v1/incidents/\(id)/acknowledge", json: ["note": "on it"])
            #expect(acknowledged.status == 200)
        }
    }

    @Test func notesAppearOnTheTimelineWithoutChangingTheVersion() async throws {
        try await TestApplication.with { app in
            let id = try await app.openIncident(["title": "Login errors"])["id"] as! Int
            let note = try await app.request("POST", "/api/v1/incidents/\(id)/notes", json: ["text": "rolled back"])
            #expect(note.status == 201)
            #expect(try note.object()["kind"] as? String == "note")
            let incident = try await app.request("GET", "/api/v1/incidents/\(id)")
            #expect(try incident.object()["version"] as? Int == 1)
        }
    }

    @Test func listFiltersByStatusSeverityLabelAndText() async throws {
        try await TestApplication.with { app in
            _ = try await app.openIncident(["title": "Payments down", "severity": "sev1", "labels": ["team": "pay"]])
            let other = try await app.openIncident(["title": "Search slow", "severity": "sev3"])
            _ = try await app.request("POST", "/api/v1/incidents/\(other["id"] as! Int)/resolve")

            let sev1 = try await app.request("GET", "/api/v1/incidents?status=open&severity=sev1")
            #expect(try sev1.items().compactMap { $0["title"] as? String } == ["Payments down"])
            let resolved = try await app.request("GET", "/api/v1/incidents?status=resolved")
            #expect(try resolved.items().compactMap { $0["title"] as? String } == ["Search slow"])
            let labelled = try await app.request("GET", "/api/v1/incidents?label=team:pay")
            #expect(try labelled.items().count == 1)
            let text = try await app.request("GET", "/api/v1/incidents?q=SEARCH")
            #expect(try text.items().compactMap { $0["title"] as? String } == ["Search slow"])
        }
    }

    @Test func paginationIsStableWhileIncidentsAreAdded() async throws {
        try await TestApplication.with { app in
            for number in 1...7 {
                _ = try await app.openIncident(["title": "incident \(number)"])
                app.clock.advance(by: 1)
            }
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let path = "/api/v1/incidents?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await app.request("GET", path)
                #expect(page.status == 200)
                seen += try page.items().compactMap { $0["title"] as? String }
                cursor = try page.object()["next_cursor"] as? String
                // New incidents arrive between pages; they are newer and must not shift the pages.
                _ = try await app.openIncident(["title": "late \(pages)"])
                pages += 1
            } while cursor != nil && pages < 10
            #expect(seen == (1...7).reversed().map { "incident \($0)" })
        }
    }
}
