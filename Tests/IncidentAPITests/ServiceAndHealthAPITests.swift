import Foundation
import Testing

@testable import IncidentAPI

@Suite struct ServiceAPITests {
    @Test func theIntegrationKeyIsShownOnceAndTheOldOneStopsAfterRotation() async throws {
        try await TestApplication.with { app in
            let created = try await app.expect(201, "POST", "/api/v1/services", json: ["name": "checkout"])
            let key = try #require(created["integration_key"] as? String)
            #expect(created["integration_key_prefix"] as? String == String(key.prefix(8)))
            let shown = try await app.expect(200, "GET", "/api/v1/services/checkout")
            #expect(shown["integration_key"] == nil, "a GET answers only the prefix")
            #expect(shown["integration_key_prefix"] as? String == String(key.prefix(8)))
            let listed = try await app.request("GET", "/api/v1/services").items()
            #expect(listed.allSatisfy { $0["integration_key"] == nil && $0["integration_key_prefix"] is String })
            let alert = ["summary": "Disk almost full", "dedup_key": "disk"]
            let accepted = try await app.request("POST", "/api/v1/integrations/generic/\(key)", token: nil, json: alert)
            #expect(accepted.status == 200, "\(accepted.text)")

            let rotated = try await app.expect(200, "POST", "/api/v1/services/checkout/rotate-key")
            let newKey = try #require(rotated["integration_key"] as? String)
            #expect(newKey != key)
            #expect(rotated["integration_key_prefix"] as? String == String(newKey.prefix(8)))
            let refused = try await app.request("POST", "/api/v1/integrations/generic/\(key)", token: nil, json: alert)
            #expect(refused.status == 404, "the old key stops working at once: \(refused.text)")
            let next = try await app.request("POST", "/api/v1/integrations/generic/\(newKey)", token: nil, json: alert)
            #expect(next.status == 200, "\(next.text)")
        }
    }

    @Test func aDeletedServicesKeyStopsWorkingAtOnce() async throws {
        try await TestApplication.with { app in
            let key = try await app.createService("batch")
            // A resolve for an unknown key opens nothing, so the service can still be deleted afterwards.
            let alert = ["summary": "Nightly batch late", "dedup_key": "nightly", "status": "resolved"]
            for _ in 0..<2 {
                let accepted = try await app.request(
                    "POST", "/api/v1/integrations/generic/\(key)", token: nil, json: alert)
                #expect(accepted.status == 200, "\(accepted.text)")
            }
            _ = try await app.expect(204, "DELETE", "/api/v1/services/batch")
            let refused = try await app.request("POST", "/api/v1/integrations/generic/\(key)", token: nil, json: alert)
            #expect(refused.status == 404, "\(refused.text)")
        }
    }

    @Test func servicesAreCreatedRenamedRotatedAndDeleted() async throws {
        try await TestApplication.with { app in
            let created = try await app.request(
                "POST", "/api/v1/services", json: ["name": "checkout", "description": "the checkout flow"])
            #expect(created.status == 201)
            let service = try created.object()
            let key = try #require(service["integration_key"] as? String)
            #expect(key.count >= 32)

            let incident = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": "card declines", "service": "checkout"])
            #expect((try incident.object()["service"] as? [String: Any])?["name"] as? String == "checkout")
            let filtered = try await app.request("GET", "/api/v1/incidents?service=checkout")
            #expect(try filtered.items().count == 1)
            // A mistyped name is an error, not an empty page that reads as "all quiet".
            let mistyped = try await app.request("GET", "/api/v1/incidents?service=chekout&status=open")
            #expect(mistyped.status == 422)
            let problem = try mistyped.object()
            #expect((problem["errors"] as? [[String: Any]])?.first?["field"] as? String == "service")
            #expect(problem["detail"] as? String == #"service: no service is named chekout; did you mean "checkout"?"#)
            // Not one typo away from any: the answer names the services there are.
            let unknown = try await app.request("POST", "/api/v1/incidents", json: ["title": "x", "service": "ledger"])
            #expect(unknown.status == 422)
            #expect(
                try unknown.object()["detail"] as? String
                    == "service: no service is named ledger (the services are: checkout, default)")
            // With another field wrong too, one answer names both problems (the service used to wait for a retry).
            let twoProblems = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": "x", "severity": "sev9", "service": "chekout"])
            #expect(twoProblems.status == 422)
            let fields = try #require(try twoProblems.object()["errors"] as? [[String: Any]])
            #expect(fields.compactMap { $0["field"] as? String } == ["severity", "service"])
            #expect(fields.last?["message"] as? String == #"no service is named chekout; did you mean "checkout"?"#)
            let knownService = try await app.request(
                "POST", "/api/v1/incidents", json: ["title": "x", "severity": "sev9", "service": "checkout"])
            #expect(
                try (knownService.object()["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } == [
                    "severity"
                ])
            let patched = try await app.request(
                "PATCH", "/api/v1/incidents/\(try incident.object()["id"] as! Int)", json: ["service": "defualt"])
            #expect(
                try patched.object()["detail"] as? String
                    == #"service: no service is named defualt; did you mean "default"?"#)

            let answer1 = try await app.request("DELETE", "/api/v1/services/checkout")
            #expect(answer1.status == 409)
            let rotated = try await app.request("POST", "/api/v1/services/checkout/rotate-key")
            #expect(try rotated.object()["integration_key"] as? String != key)
            #expect(try rotated.object()["integration_key"] as? String != nil)

            let id = try incident.object()["id"] as! Int
            _ = try await app.request("POST", "/api/v1/incidents/\(id)/resolve")
            let answer2 = try await app.request("DELETE", "/api/v1/services/checkout")
            #expect(answer2.status == 204)
            let answer3 = try await app.request("GET", "/api/v1/services/checkout")
            #expect(answer3.status == 404)
        }
    }

    @Test func defaultServiceAlwaysExistsAndCannotBeDeleted() async throws {
        try await TestApplication.with { app in
            let list = try await app.request("GET", "/api/v1/services")
            #expect(try list.items().contains { $0["name"] as? String == "default" })
            let answer4 = try await app.request("DELETE", "/api/v1/services/default")
            #expect(answer4.status == 409)
        }
    }

    @Test func duplicateServiceNameIs409() async throws {
        try await TestApplication.with { app in
            let answer5 = try await app.request("POST", "/api/v1/services", json: ["name": "search"])
            #expect(answer5.status == 201)
            let answer6 = try await app.request("POST", "/api/v1/services", json: ["name": "search"])
            #expect(answer6.status == 409)
        }
    }
}

@Suite struct HealthAPITests {
    @Test func healthAndReadinessNeedNoToken() async throws {
        try await TestApplication.with { app in
            let health = try await app.request("GET", "/healthz", token: nil)
            #expect(health.status == 200)
            #expect(health.text == "ok")
            let ready = try await app.request("GET", "/readyz", token: nil)
            #expect(ready.status == 200)
            #expect(try ready.object()["database"] as? String == "ok")
        }
    }

    @Test func openAPIDocumentIsServedAndParses() async throws {
        try await TestApplication.with { app in
            let answer = try await app.request("GET", "/openapi.json", token: nil)
            #expect(answer.status == 200)
            #expect(try answer.object()["openapi"] as? String == "3.1.0")
        }
    }
}

/// The OpenAPI document and the route table must describe the same operations, with the same scopes.
@Suite struct OpenAPICompletenessTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() async throws {
        try await TestApplication.with { app in
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            var documentedScopes: [String: String] = [:]
            for (path, item) in paths {
                for (method, operation) in item where ["get", "post", "patch", "put", "delete"].contains(method) {
                    let key = "\(method.uppercased()) \(path)"
                    documented.insert(key)
                    documentedScopes[key] = (operation as? [String: Any])?["x-required-scope"] as? String
                }
            }
            let routed = Set(app.application.routes.map { "\($0.method.rawValue) \($0.openAPIPath)" })
            #expect(routed.subtracting(documented).sorted() == [], "routes missing from the OpenAPI document")
            #expect(documented.subtracting(routed).sorted() == [], "documented operations without a route")
            for route in app.application.routes {
                let key = "\(route.method.rawValue) \(route.openAPIPath)"
                #expect(documentedScopes[key] == (route.scope?.rawValue ?? "none"), "\(key)")
            }
        }
    }
}
