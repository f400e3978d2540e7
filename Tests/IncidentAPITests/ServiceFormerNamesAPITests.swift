import Foundation
import Testing

/// A service renamed with PATCH keeps answering to its old name: alerts from senders still configured with it
/// page the same team, and URLs and filters with it still work, until the name is forgotten.
@Suite struct ServiceFormerNamesAPITests {
    @Test func alertsNamingTheOldNameReachTheRenamedServiceUntilTheNameIsForgotten() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("payments")
            let ingest = try await app.createToken(name: "script", scope: "ingest")
            let renamed = try await app.request(
                "PATCH", "/api/v1/services/payments", json: ["name": "payments-api"])
            #expect(renamed.status == 200, "\(renamed.text)")
            #expect(try renamed.object()["former_names"] as? [String] == ["payments"])

            let alert = try await app.request(
                "POST", "/api/v1/integrations/generic", token: ingest,
                json: ["summary": "Card declines spiking", "service": "payments", "dedup_key": "declines"])
            #expect(alert.status == 200, "\(alert.text)")
            #expect(
                try alert.object()["warnings"] as? [String] == [
                    #"service "payments" is a former name of the "payments-api" service; the alerts went there (update the name the sender gives)."#
                ])
            let services = try await app.incidents().compactMap {
                ($0["service"] as? [String: Any])?["name"] as? String
            }
            #expect(services == ["payments-api"])

            let byOldName = try await app.request("GET", "/api/v1/services/payments")
            #expect(byOldName.status == 200)
            #expect(try byOldName.object()["name"] as? String == "payments-api")
            let filtered = try await app.request("GET", "/api/v1/incidents?service=payments")
            #expect(filtered.status == 200)
            #expect((try filtered.object()["items"] as? [[String: Any]])?.count == 1)

            // The name cannot go to a new service while it routes to the renamed one.
            let taken = try await app.request("POST", "/api/v1/services", json: ["name": "payments"])
            #expect(taken.status == 409, "\(taken.text)")
            #expect((try taken.object()["detail"] as? String)?.contains("former name of service payments-api") == true)

            // Forgotten: the old name names nothing, so its alerts go to `default` with the usual warning.
            let forgotten = try await app.request(
                "PATCH", "/api/v1/services/payments-api", json: ["former_names": [String]()])
            #expect(try forgotten.object()["former_names"] as? [String] == [])
            let stray = try await app.request(
                "POST", "/api/v1/integrations/generic", token: ingest,
                json: ["summary": "Card declines spiking", "service": "payments", "dedup_key": "declines-2"])
            #expect((try stray.object()["warnings"] as? [String])?.first?.contains("names no service here") == true)
            #expect(try await app.request("GET", "/api/v1/services/payments").status == 404)
        }
    }

    /// `DELETE /services/payments` after a rename must not delete the live `payments-api`: a former name routes
    /// and reads, but changes go by the current name or id.
    @Test func aFormerNameDoesNotReachTheServiceForChanges() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("payments")
            try await app.expect(200, "PATCH", "/api/v1/services/payments", json: ["name": "payments-api"])
            for (method, path, body) in [
                ("DELETE", "/api/v1/services/payments", nil),
                ("POST", "/api/v1/services/payments/rotate-key", nil),
                ("PATCH", "/api/v1/services/payments", ["description": "x"]),
                (
                    "PUT", "/api/v1/services/payments/signing-secrets",
                    ["secrets": ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]]
                ),
            ] as [(String, String, [String: Any]?)] {
                let answer = try await app.request(method, path, json: body)
                #expect(answer.status == 404, "\(method) \(path): \(answer.text)")
                #expect(answer.text.contains("a former name of payments-api"), "\(method) \(path): \(answer.text)")
            }
            let live = try await app.request("GET", "/api/v1/services/payments-api")
            #expect(live.status == 200)
            #expect(try live.object()["description"] as? String == "")
            try await app.expect(204, "DELETE", "/api/v1/services/payments-api")
        }
    }

    @Test func formerNamesAreSetByPatchOnlyAndChecked() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("payments")
            _ = try await app.createService("search")
            let onCreate = try await app.request(
                "POST", "/api/v1/services", json: ["name": "billing", "former_names": ["invoices"]])
            #expect(onCreate.status == 400 || onCreate.status == 422, "\(onCreate.text)")
            #expect(onCreate.text.contains("former_names"))
            #expect(onCreate.text.contains("PATCH"))
            let invalid = try await app.request(
                "PATCH", "/api/v1/services/payments", json: ["former_names": ["Pay", "pay", "pay"]])
            #expect(invalid.status == 422, "\(invalid.text)")
            let fields = (try invalid.object()["errors"] as? [[String: Any]] ?? []).compactMap {
                $0["field"] as? String
            }
            #expect(fields == ["former_names[0]", "former_names[2]"])
            let own = try await app.request("PATCH", "/api/v1/services/payments", json: ["former_names": ["payments"]])
            #expect(own.status == 422)
            let another = try await app.request(
                "PATCH", "/api/v1/services/payments", json: ["former_names": ["search"]])
            #expect(another.status == 409, "\(another.text)")
            let null = try await app.request("PATCH", "/api/v1/services/payments", json: ["former_names": NSNull()])
            #expect(null.status == 422, "null is not a list: \(null.text)")
            let kept = try await app.request(
                "PATCH", "/api/v1/services/payments", json: ["former_names": ["card-payments", "pay"]])
            #expect(kept.status == 200)
            #expect(try kept.object()["former_names"] as? [String] == ["card-payments", "pay"])
            let listed = try await app.request("GET", "/api/v1/services")
            let names = (try listed.object()["items"] as? [[String: Any]] ?? []).map { $0["former_names"] as? [String] }
            #expect(names.contains { $0 == ["card-payments", "pay"] })
        }
    }
}

/// A mistyped service name is answered with the name probably meant, wherever a service is named.
@Suite struct ServiceNameSuggestionAPITests {
    @Test func aMistypedServiceNameSuggestsTheServiceMeant() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("payments")
            let show = try await app.request("GET", "/api/v1/services/paymnets")
            #expect(show.status == 404)
            #expect(show.text.contains("did you mean payments?"), "\(show.text)")
            let budget = try await app.request("GET", "/api/v1/services/paymnets/slo")
            #expect(budget.status == 404)
            #expect(budget.text.contains("did you mean payments?"), "\(budget.text)")
            let stats = try await app.request("GET", "/api/v1/stats?service=paymnets")
            #expect(stats.status == 422)
            let detail = try stats.object()["detail"] as? String
            #expect(detail == #"service: no service is named paymnets; did you mean "payments"?"#)
            let nothingClose = try await app.request("GET", "/api/v1/services/zzz")
            #expect(nothingClose.status == 404)
            #expect(!nothingClose.text.contains("did you mean"))
        }
    }

    /// A former name routes too, so a typo of one suggests it (the sender's configuration has the old name).
    @Test func aMistypedFormerNameSuggestsTheFormerName() async throws {
        try await TestApplication.with { app in
            _ = try await app.createService("storefront")
            try await app.expect(200, "PATCH", "/api/v1/services/storefront", json: ["name": "shop-web"])
            let created = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": "x", "service": "storefrnt"])
            #expect(created.status == 422)
            #expect(
                try created.object()["detail"] as? String
                    == #"service: no service is named storefrnt; did you mean "storefront"?"#)
            let show = try await app.request("GET", "/api/v1/services/storefrnt")
            #expect(show.text.contains("did you mean storefront?"), "\(show.text)")
            let ingest = try await app.createToken(name: "am", scope: "ingest")
            let routed = try await app.request(
                "POST", "/api/v1/integrations/generic", token: ingest,
                json: [
                    "summary": "disk full", "severity": "warning", "dedup_key": "d1",
                    "labels": ["service": "storefrnt"],
                ])
            #expect(routed.status == 200)
            #expect(routed.text.contains(#"Did you mean \"storefront\"?"#), "\(routed.text)")
        }
    }
}
