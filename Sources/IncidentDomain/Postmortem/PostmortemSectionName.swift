/// The parts of a postmortem that only people can write, by the names the API uses
/// (`PUT /api/v1/incidents/{id}/postmortem/sections/{name}`).
public enum PostmortemSectionName: String, CaseIterable, Hashable, Sendable, Codable {
    case summary
    case impact
    case rootCauses = "root_causes"
    case trigger
    case resolution
    case wentWell = "went_well"
    case wentWrong = "went_wrong"
    case gotLucky = "got_lucky"

    /// What a sev1 or sev2 incident needs written before it may be closed (without `force`).
    public static let requiredForClose: [PostmortemSectionName] = [.rootCauses, .trigger, .resolution]

    /// The question the generated draft shows while the section is unwritten.
    public var prompt: String {
        switch self {
        case .summary: "What happened, in two or three sentences, for someone who was not there?"
        case .impact: "Who noticed what, for how long? Requests failed, customers affected, data lost or delayed?"
        case .rootCauses: "Why did it happen? Follow each cause to the conditions that allowed it, not to a person."
        case .trigger: "What change or event set the root causes off?"
        case .resolution: "What stopped the impact, and what made the service whole again?"
        case .wentWell: "What worked: alerting, tools, people, runbooks?"
        case .wentWrong: "What made detection or response slower or harder?"
        case .gotLucky: "Where did luck rather than design keep it from being worse?"
        }
    }

    /// The comma-separated list of names, for error messages.
    public static var expectation: String {
        "one of " + allCases.map(\.rawValue).joined(separator: ", ")
    }
}
