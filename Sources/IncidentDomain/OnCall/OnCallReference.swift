/// How a client names a user, schedule, escalation policy or heartbeat in a path: by id (`12`) or by its
/// handle or name (`alice`). Names start with a letter, so the two cannot be confused.
public enum OnCallReference: Hashable, Sendable, CustomStringConvertible {
    case id(Int64)
    case name(String)

    /// A positive decimal id, or a valid name; nil otherwise.
    public init?(parsing text: some StringProtocol) {
        if let id = ServiceID(parsing: text) {
            self = .id(id.rawValue)
        } else if FieldValidator.nameProblem(String(text)) == nil {
            self = .name(String(text))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .id(let id): String(id)
        case .name(let name): name
        }
    }
}
