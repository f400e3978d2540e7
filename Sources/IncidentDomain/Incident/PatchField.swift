/// One field of a patch that the client did send: a new value, or JSON `null` to clear it.
/// A field the client did not send is `nil` where a `PatchField?` is expected.
public enum PatchField<Value> {
    case set(Value)
    case clear

    /// The new value; nil for `.clear`.
    public var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }
}

extension PatchField: Equatable where Value: Equatable {}
extension PatchField: Hashable where Value: Hashable {}
extension PatchField: Sendable where Value: Sendable {}

extension KeyedDecodingContainer {
    /// Decodes a patch field: absent is nil, `null` is `.clear`, anything else `.set`.
    func decodePatchField<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> PatchField<Value>? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .clear }
        return .set(try decode(Value.self, forKey: key))
    }

    /// A member that may be absent (unchanged) but not null: `null` is refused as the wrong type, rather than
    /// read as absent (`decodeIfPresent`), which answered 200 and changed nothing.
    func decodeUnlessAbsent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        guard contains(key) else { return nil }
        return try decode(Value.self, forKey: key)
    }
}
