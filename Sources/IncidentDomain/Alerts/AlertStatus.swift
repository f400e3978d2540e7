/// Whether a recorded alert is firing at its source. Acknowledging does not change it.
public enum AlertStatus: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case firing
    case resolved

    public var description: String { rawValue }
}
