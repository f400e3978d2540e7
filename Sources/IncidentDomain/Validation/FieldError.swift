/// One thing wrong with one input field, e.g. `title`: "must not be empty".
///
/// `field` names the field as the client spelt it (JSON key or query parameter, `labels.env` for one
/// label); `message` completes the sentence "<field> ..." and is meant for people.
public struct FieldError: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The JSON key or query parameter at fault.
    public var field: String
    /// What is wrong with it, for people.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
