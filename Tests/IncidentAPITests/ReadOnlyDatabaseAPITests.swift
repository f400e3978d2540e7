import Foundation
import Testing

@testable import IncidentAPI

/// A database that takes no writes (opened with SQLite's own `SQLITE_OPEN_READONLY`, as a read-only file system
/// makes it): the server starts and serves reads, and every sender gets its retry answer for writes. The real
/// file system fault, and recovery from it, is `Tests/safety/faults.py`.
@Suite struct ReadOnlyDatabaseAPITests {
    @Test func aReadOnlyDatabaseServesReadsAndAnswersEachSenderInItsRetryLanguage() async throws {
        let writable = try await TestApplication.start()
        let key: String
        let id: Int
        do {
            key = try await writable.createService("storage")
            id = try await writable.openIncident(["title": "written before"])["id"] as! Int
        } catch {
            await writable.stop()
            throw error
        }
        await writable.application.shutdown(gracePeriod: .seconds(2))
        writable.session.invalidateAndCancel()
        defer { try? FileManager.default.removeItem(at: writable.directory) }
        let databasePath = writable.directory.appendingPathComponent("klaxon.db").path

        try await TestApplication.with(configure: {
            $0.databasePath = databasePath
            $0.opensDatabaseReadOnly = true
        }) { app in
            let read = try await app.request("GET", "/api/v1/incidents/\(id)")
            #expect(read.status == 200)
            #expect(try read.object()["title"] as? String == "written before")

            let api = try await app.request("POST", "/api/v1/incidents", json: ["title": "refused"])
            #expect(api.status == 503)
            #expect(api.headers["retry-after"] != nil)
            #expect(api.headers["content-type"] == "application/problem+json")
            let detail = try api.object()["detail"] as? String ?? ""
            #expect(detail.contains("(database is read-only); nothing was written"), "\(detail)")

            let alert = AlertmanagerPayload.alert(
                "firing", instance: "a", severity: "critical", fingerprint: "aaaa000000000001")
            let alertmanager = try await app.request(
                "POST", "/api/v1/integrations/alertmanager/\(key)", token: nil,
                json: AlertmanagerPayload.group(status: "firing", alerts: [alert]))
            #expect(alertmanager.status == 503)
            #expect(alertmanager.headers["retry-after"] != nil)
            #expect(alertmanager.headers["content-type"] == "application/problem+json")

            var grafanaPayload = AlertmanagerPayload.group(status: "firing", alerts: [alert])
            grafanaPayload["version"] = "1"
            grafanaPayload["orgId"] = 1
            grafanaPayload["title"] = "[FIRING:1] HighLatency"
            grafanaPayload["state"] = "alerting"
            let grafana = try await app.request(
                "POST", "/api/v1/integrations/grafana/\(key)", token: nil, json: grafanaPayload)
            #expect(grafana.status == 503)
            #expect(grafana.headers["retry-after"] != nil)

            let generic = try await app.request(
                "POST", "/api/v1/integrations/generic/\(key)", token: nil, json: ["summary": "Disk full on db-1", "severity": "error", "dedup_key": "disk-db-1"])
            #expect(generic.status == 503)
            #expect(generic.headers["retry-after"] != nil)

            let pagerDuty = try await app.request(
                "POST", "/v2/enqueue", token: nil, json: PagerDutyIngestionAPITests.event("trigger", key: key))
            #expect(pagerDuty.status == 503)
            #expect(pagerDuty.headers["retry-after"] != nil)
            #expect(try pagerDuty.object()["status"] as? String == "unavailable")

            let ready = try await app.request("GET", "/readyz", token: nil)
            #expect(ready.status == 503)
            #expect(ready.headers["retry-after"] != nil)
            let readiness = try ready.object()
            #expect(readiness["database"] as? String == "unavailable")
            #expect(readiness["migrations"] as? String == "ok")
            #expect(readiness["problems"] as? [String] == ["database not writable: database is read-only"])
            #expect((readiness["detail"] as? String ?? "").contains("database is read-only"))

            let titles = try await app.incidents().compactMap { $0["title"] as? String }
            #expect(titles == ["written before"], "nothing half-written")
            #expect(try await app.request("GET", "/healthz", token: nil).status == 200)
        }
    }
}
