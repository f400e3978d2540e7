/// The members the objects nested in a strict body take (an object member, or each object of an array
/// member), by the member that holds them: a body's own members are checked by name, and without this a
/// mistyped `time_zone` inside a rotation fell back to UTC, a mistyped `severity_weights` inside an SLO reset
/// the weights, without a word. Members not listed hold free-form values (labels, details).
public struct StrictMembers: Sendable {
    public let known: Set<String>
    public let nested: [String: StrictMembers]

    public init(_ known: Set<String>, nested: [String: StrictMembers] = [:]) {
        self.known = known
        self.nested = nested
    }

    /// The members a type's coding keys name, so the list cannot drift from what it decodes.
    init<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type, nested: [String: StrictMembers] = [:]) {
        self.init(Set(keys.allCases.map(\.stringValue)), nested: nested)
    }

    /// A member its object does not take.
    public struct Unknown: Equatable, Sendable {
        /// As errors name fields: `rotations.0.timezone`.
        public let path: String
        public let name: String
        /// The names its object takes.
        public let known: Set<String>
    }

    /// The first member an object nested under `nested` does not take (members in name order, arrays in
    /// order, depth first), or nil. Values of other JSON types are left to the decoder to refuse.
    public static func firstUnknown(in members: [String: Any], nested: [String: StrictMembers]) -> Unknown? {
        firstUnknown(inMembersOf: members, nested: nested, at: [])
    }

    private static func firstUnknown(
        inMembersOf object: [String: Any], nested: [String: StrictMembers], at path: [String]
    ) -> Unknown? {
        for member in nested.keys.sorted() {
            guard let shape = nested[member], let value = object[member] else { continue }
            if let found = shape.firstUnknown(in: value, at: path + [member]) { return found }
        }
        return nil
    }

    private func firstUnknown(in value: Any, at path: [String]) -> Unknown? {
        if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                if let found = firstUnknown(in: element, at: path + [String(index)]) { return found }
            }
            return nil
        }
        guard let object = value as? [String: Any] else { return nil }
        if let name = object.keys.filter({ !known.contains($0) }).min() {
            return Unknown(path: (path + [name]).joined(separator: "."), name: name, known: known)
        }
        return Self.firstUnknown(inMembersOf: object, nested: nested, at: path)
    }
}
