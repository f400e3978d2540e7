import Foundation

/// Helpers for the alert receiver tests.
extension TestApplication {
    /// Creates a service and returns its integration key.
    func createService(_ name: String) async throws -> String {
        let response = try await request("POST", "/api/v1/services", json: ["name": name])
        guard response.status == 201, let key = try response.object()["integration_key"] as? String else {
            throw TestFailure("service creation answered \(response.status): \(response.text)")
        }
        return key
    }

    /// Every incident (newest first), at most 100.
    func incidents(_ query: String = "") async throws -> [[String: Any]] {
        let response = try await request("GET", "/api/v1/incidents?limit=100" + query)
        guard response.status == 200 else { throw TestFailure("list answered \(response.status): \(response.text)") }
        return try response.items()
    }

    func incident(_ id: Int) async throws -> [String: Any] {
        try await request("GET", "/api/v1/incidents/\(id)").object()
    }

    func alerts(of id: Int) async throws -> [[String: Any]] {
        try await request("GET", "/api/v1/incidents/\(id)/alerts").items()
    }

    func timelineKinds(of id: Int) async throws -> [String] {
        try await request("GET", "/api/v1/incidents/\(id)/timeline").items().compactMap { $0["kind"] as? String }
    }
}

/// Alertmanager webhook payloads (version 4), shaped like Alertmanager's notifier sends them.
enum AlertmanagerPayload {
    static func alert(
        _ status: String, instance: String, severity: String, fingerprint: String,
        endsAt: String = "0001-01-01T00:00:00Z"
    ) -> [String: Any] {
        [
            "status": status,
            "labels": ["alertname": "HighLatency", "service": "checkout", "instance": instance, "severity": severity],
            "annotations": ["summary": "Checkout latency above 2s", "description": "p99 latency on \(instance)"],
            "startsAt": "2026-11-27T08:00:00.000Z",
            "endsAt": endsAt,
            "generatorURL": "http://prometheus.example:9090/graph?g0.expr=latency",
            "fingerprint": fingerprint,
        ]
    }

    static func group(status: String, alerts: [[String: Any]], groupKey: String = #"{}:{alertname="HighLatency"}"#)
        -> [String: Any]
    {
        [
            "version": "4",
            "groupKey": groupKey,
            "truncatedAlerts": 0,
            "status": status,
            "receiver": "klaxon",
            "groupLabels": ["alertname": "HighLatency"],
            "commonLabels": ["alertname": "HighLatency", "service": "checkout"],
            "commonAnnotations": ["summary": "Checkout latency above 2s"],
            "externalURL": "http://alertmanager.example:9093",
            "alerts": alerts,
        ]
    }
}
