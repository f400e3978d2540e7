/// A row that the store cannot turn back into a domain value (an unknown status, a malformed actor):
/// the file was changed behind Klaxon's back. Not a client error; the API answers 500.
public struct StoredDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The table and column, e.g. `incidents.status`.
    public var column: String
    /// What was found, shortened.
    public var found: String

    public init(column: String, found: String) {
        self.column = column
        self.found = String(found.prefix(80))
    }

    public var description: String { "unreadable value in \(column): \(found)" }
}

extension RawRepresentable where RawValue == String {
    /// The value stored as `text` in `column` (`incidents.severity`); `StoredDataError` when it names none.
    init(stored text: String, column: String) throws(StoredDataError) {
        guard let value = Self(rawValue: text) else { throw StoredDataError(column: column, found: text) }
        self = value
    }
}
