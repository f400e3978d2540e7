/// The typed error of the domain and of the repository protocols. The API maps each case to one
/// HTTP status in one place (404, 409, 422, 412, 409); the domain never speaks HTTP.
public enum IncidentError: Error, Hashable, Sendable {
    /// No `kind` with this id or name exists (`id` is a decimal id or a name, as the client gave it).
    case notFound(ResourceKind, id: String)
    /// `action` is not allowed in status `from`; `allowed` lists what is, in lifecycle order.
    case invalidTransition(from: IncidentStatus, action: IncidentAction, allowed: [IncidentAction])
    /// The input has these problems, all reported at once; nothing was changed.
    case validation([FieldError])
    /// The client's `If-Match` version is not the stored one.
    case versionMismatch(expected: Int, actual: Int)
    /// The request collides with the current state (duplicate name, a service with open incidents, ...).
    case conflict(String)
    /// A sev1 or sev2 incident cannot be closed while these postmortem sections are unwritten (no `force`);
    /// `severity` is the highest it has had, which the rule follows.
    case postmortemRequired(missing: [PostmortemSectionName], incident: IncidentID, severity: Severity)
}

extension IncidentError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound(let kind, let id):
            return "\(kind) \(id) not found"
        case .invalidTransition(let from, let action, let allowed):
            let list = allowed.isEmpty ? "none" : allowed.map(\.rawValue).joined(separator: ", ")
            return "cannot \(action.rawValue) an incident that is \(from.rawValue) (allowed: \(list))"
        case .validation(let errors):
            return "invalid input: " + errors.map(\.description).joined(separator: "; ")
        case .versionMismatch(let expected, let actual):
            return "version \(expected) expected, but the incident is at version \(actual)"
        case .conflict(let reason):
            return reason
        case .postmortemRequired(let missing, _, _):
            return "write the postmortem's " + missing.map(\.rawValue).joined(separator: ", ")
                + " before closing, or close with force"
        }
    }
}
