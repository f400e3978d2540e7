/// One field an edit changed, with its old and new value as JSON (null for none), recorded on the
/// timeline as a `field_changed` event with `data` `{field, old, new}`.
public struct FieldChange: Hashable, Sendable, Codable {
    public var field: String
    public var old: JSONValue
    public var new: JSONValue

    public init(field: String, old: JSONValue, new: JSONValue) {
        self.field = field
        self.old = old
        self.new = new
    }
}
