/// One `label=key:value` filter: the incident must carry this label with exactly this value.
public struct LabelFilter: Hashable, Sendable, Codable, CustomStringConvertible {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// Parses `key:value`, splitting at the first `:` (values may contain more); nil without a `:` or with
    /// an invalid key.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = String(text[..<colon])
        let value = String(text[text.index(after: colon)...])
        guard FieldValidator.labelKeyProblem(key) == nil, FieldValidator.labelValueProblem(value) == nil else {
            return nil
        }
        self.init(key: key, value: value)
    }

    public var description: String { "\(key):\(value)" }
}
