/// The values a request's path gave to a route's `:name` segments, percent-decoded.
public struct HTTPPathParameters: Sendable, Equatable, Sequence {
    public typealias Element = (name: String, value: String)

    private var names: [String]
    private var values: [String]

    public init() {
        names = []
        values = []
    }

    public init(_ pairs: [(name: String, value: String)]) {
        names = pairs.map(\.name)
        values = pairs.map(\.value)
    }

    public var isEmpty: Bool { names.isEmpty }
    public var count: Int { names.count }

    /// The value of the named parameter, or nil if the route has no such segment.
    public subscript(name: String) -> String? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }

    mutating func append(name: String, value: String) {
        names.append(name)
        values.append(value)
    }

    mutating func removeLast() {
        names.removeLast()
        values.removeLast()
    }

    public func makeIterator() -> AnyIterator<Element> {
        var index = 0
        return AnyIterator {
            guard index < names.count else { return nil }
            defer { index += 1 }
            return (names[index], values[index])
        }
    }
}
