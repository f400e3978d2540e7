/// The shape every numeric identifier of the domain shares: a distinct type around the database's
/// 64-bit row id, so an `IncidentID` can never be passed where a `ServiceID` is meant.
///
/// Conforming types get `Codable` as a bare JSON number (through `RawRepresentable`),
/// a decimal `description`, ordering by value, integer literals, and parsing from a path segment.
public protocol EntityIdentifier: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible, ExpressibleByIntegerLiteral
where RawValue == Int64, IntegerLiteralType == Int64 {
    /// Wraps a raw row id.
    init(rawValue: Int64)
}

extension EntityIdentifier {
    /// Wraps a raw row id.
    public init(_ rawValue: Int64) {
        self.init(rawValue: rawValue)
    }

    public init(integerLiteral value: Int64) {
        self.init(rawValue: value)
    }

    /// Parses a path segment or query value: only plain positive decimal numbers (`"42"`), no sign,
    /// no spaces, no leading zeros, no overflow. Anything else is `nil`, which the API answers with a 4xx.
    public init?(parsing text: some StringProtocol) {
        let utf8 = text.utf8
        guard let first = utf8.first, first != UInt8(ascii: "0"), utf8.count <= 19 else { return nil }
        var value: Int64 = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        self.init(rawValue: value)
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
