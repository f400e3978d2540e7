import Foundation
import Testing

@testable import IncidentDomain

@Suite struct AlertsGenericTests {
    @Test func genericAlertIsNormalised() throws {
        let alert = try AlertFixtures.decode(GenericAlert.self, AlertFixtures.generic).normalized(now: t0)
        #expect(alert.source == .generic)
        #expect(alert.action == .trigger)
        #expect(alert.dedupKey == "backup-db-1")
        #expect(alert.title == "Backup of db-1 failed")
        #expect(alert.summary == "Backup of db-1 failed\nExit code 2 from pg_dump")
        #expect(alert.severity == .sev2)
        #expect(alert.labels == ["host": "db-1", "job": "nightly-backup"])
        #expect(alert.serviceHint == "storage")
        #expect(alert.details == ["exit_code": 2, "source": "cron@db-1"])
    }

    @Test func resolvedNeedsADedupKey() throws {
        let resolved = try GenericAlert(summary: "ok", dedupKey: "backup-db-1", status: "resolved").normalized(now: t0)
        #expect(resolved.action == .resolve)
        let errors = fieldErrors { _ = try GenericAlert(summary: "ok", status: "resolved").normalized(now: t0) }
        #expect(errors?.map(\.field) == ["dedup_key"])
    }

    @Test func firingWithoutDedupKeyDerivesAStableOne() throws {
        let first = try GenericAlert(summary: "x", labels: ["b": "2", "a": "1"]).normalized(now: t0)
        let again = try GenericAlert(summary: "y", labels: ["a": "1", "b": "2"]).normalized(now: at(minutes: 5))
        #expect(first.dedupKey == again.dedupKey)
        #expect(first.dedupKey == AlertKey.fingerprint(labels: ["a": "1", "b": "2"]))
        let unlabeled = try GenericAlert(summary: "Backup failed").normalized(now: t0)
        #expect(unlabeled.dedupKey == AlertKey.fingerprint(labels: ["title": "Backup failed"]))
    }

    @Test func severityAcceptsPagerDutyWordsAndSevLevels() throws {
        for (text, severity) in [("CRITICAL", Severity.sev1), ("info", .sev4), ("Sev5", .sev5), ("sev2", .sev2)] {
            #expect(try GenericAlert(summary: "s", severity: text).normalized(now: t0).severity == severity)
        }
    }

    @Test func everyProblemIsReportedAtOnce() {
        let alert = GenericAlert(
            summary: nil, severity: "urgent", dedupKey: "", status: "pending", labels: ["bad:key": "v"],
            service: "Payments")
        let errors = fieldErrors { _ = try alert.normalized(now: t0) }
        #expect(errors?.map(\.field) == ["status", "summary", "severity", "dedup_key", "labels.bad:key", "service"])
    }

    @Test func titleAtTheLimitIsAcceptedOneMoreIsNot() throws {
        let title = String(repeating: "t", count: 200)
        #expect(try GenericAlert(title: title, summary: nil).normalized(now: t0).title == title)
        let errors = fieldErrors { _ = try GenericAlert(title: title + "t", summary: nil).normalized(now: t0) }
        #expect(errors?.map(\.field) == ["title"])
    }
}
