/// How bad an incident is: `sev1` is the most severe, `sev5` the least.
///
/// Ordering follows severity, not the number: `Severity.sev1 > .sev3`, and `max()` of a list is its most
/// severe member. Say `isMoreSevere(than:)` where the comparison could be misread.
public enum Severity: String, CaseIterable, Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    case sev1, sev2, sev3, sev4, sev5

    /// The severity of a new incident when none is given.
    public static let `default` = Severity.sev3

    /// 1 for `sev1` ... 5 for `sev5`.
    public var level: Int {
        switch self {
        case .sev1: 1
        case .sev2: 2
        case .sev3: 3
        case .sev4: 4
        case .sev5: 5
        }
    }

    /// The severity with this level (1...5), or nil.
    public init?(level: Int) {
        guard let match = Severity.allCases.first(where: { $0.level == level }) else { return nil }
        self = match
    }

    /// Parses `sev1`...`sev5`, ignoring case (`SEV2` is `sev2`); anything else is nil.
    public init?(parsing text: some StringProtocol) {
        self.init(rawValue: text.lowercased())
    }

    /// `steps` levels more severe, stopping at `sev1`: `sev3.raised(by: 1) == .sev2`.
    public func raised(by steps: Int = 1) -> Severity {
        Severity(level: max(1, min(5, level - steps))) ?? .sev1
    }

    /// `steps` levels less severe, stopping at `sev5`.
    public func lowered(by steps: Int = 1) -> Severity {
        Severity(level: max(1, min(5, level + steps))) ?? .sev5
    }

    /// True when `self` is strictly worse than `other` (`sev1.isMoreSevere(than: .sev2)`).
    public func isMoreSevere(than other: Severity) -> Bool { level < other.level }

    /// Ordered by severity: the less severe value is the smaller one.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.level > rhs.level }

    public var description: String { rawValue }

    /// The message for a field holding an unknown severity.
    public static let expectation = "must be one of sev1, sev2, sev3, sev4, sev5"
}
