/// A query string's `name=value` items in order, percent-decoded with `+` read as a space
/// (the `application/x-www-form-urlencoded` convention). Malformed escapes are kept as sent.
public struct HTTPQuery: Sendable, Equatable, Sequence {
    public typealias Element = (name: String, value: String)

    private var items: [Pair]

    private struct Pair: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// Parses a raw query string (the part after `?`, without it).
    public init(parsing raw: Substring) {
        items = []
        guard !raw.isEmpty else { return }
        for piece in raw.split(separator: "&", omittingEmptySubsequences: true) {
            if let equals = piece.firstIndex(of: "=") {
                items.append(
                    Pair(
                        name: PercentDecoding.lenient(piece[..<equals], plusAsSpace: true),
                        value: PercentDecoding.lenient(piece[piece.index(after: equals)...], plusAsSpace: true)
                    )
                )
            } else {
                items.append(Pair(name: PercentDecoding.lenient(piece, plusAsSpace: true), value: ""))
            }
        }
    }

    public var isEmpty: Bool { items.isEmpty }
    public var count: Int { items.count }

    /// The first value of the named item, or nil.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value of the named item, in order (`?tag=a&tag=b`).
    public func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    public func makeIterator() -> AnyIterator<Element> {
        var iterator = items.makeIterator()
        return AnyIterator { iterator.next().map { ($0.name, $0.value) } }
    }
}
