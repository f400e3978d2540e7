/// Where an incident is in its lifecycle (see ARCHITECTURE.md): triggered -> acknowledged ->
/// mitigated -> resolved -> closed. The first three are "open".
public enum IncidentStatus: String, CaseIterable, Codable, Hashable, Sendable, CustomStringConvertible {
    /// Something is wrong and nobody has said they are on it.
    case triggered
    /// A responder is on it.
    case acknowledged
    /// The impact is stopped (workaround, rollback), the cause may not be fixed yet.
    case mitigated
    /// Fixed; may still be reopened.
    case resolved
    /// Final: reviewed and done; nothing changes its status any more.
    case closed

    /// The statuses that still need people: triggered, acknowledged, mitigated.
    public static let openStatuses: Set<IncidentStatus> = [.triggered, .acknowledged, .mitigated]

    /// True for triggered, acknowledged and mitigated.
    public var isOpen: Bool {
        switch self {
        case .triggered, .acknowledged, .mitigated: true
        case .resolved, .closed: false
        }
    }

    public var description: String { rawValue }
}
