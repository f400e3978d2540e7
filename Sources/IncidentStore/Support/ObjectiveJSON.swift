import Foundation
import IncidentDomain

/// How a service's `ServiceLevelObjective` is kept in `services.slo`: a JSON object with every severity's
/// weight written out, so a later change of the default weights does not change a declared SLO.
enum ObjectiveJSON {
    static func encode(_ objective: ServiceLevelObjective?) -> String? {
        guard let objective else { return nil }
        var weights: [String: JSONValue] = [:]
        for severity in Severity.allCases {
            weights[severity.rawValue] = .double(objective.severityWeights[severity])
        }
        return JSONText.encode([
            "target": .double(objective.target), "window_days": .int(Int64(objective.windowDays)),
            "severity_weights": .object(weights),
        ])
    }

    static func decode(_ text: String?) throws -> ServiceLevelObjective? {
        guard let text else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let target = (object["target"] as? NSNumber)?.doubleValue,
            let windowDays = (object["window_days"] as? NSNumber)?.intValue
        else { throw StoredDataError(column: "services.slo", found: text) }
        var overrides: [Severity: Double] = [:]
        for (name, value) in object["severity_weights"] as? [String: Any] ?? [:] {
            if let severity = Severity(rawValue: name), let weight = (value as? NSNumber)?.doubleValue {
                overrides[severity] = weight
            }
        }
        return ServiceLevelObjective(
            target: target, windowDays: windowDays, severityWeights: SeverityWeights(overriding: overrides))
    }
}
