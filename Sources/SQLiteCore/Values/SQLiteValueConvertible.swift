/// A Swift type that can be bound to a statement parameter and read back from a column.
///
/// Conformances exist for `Int64`, `Int`, `Double`, `String`, `[UInt8]`, `Data`, `Bool`, `Date`
/// (as INTEGER unix milliseconds) and `Optional` of any of these (NULL as `nil`).
public protocol SQLiteValueConvertible {
    /// The value to store.
    var sqliteValue: SQLiteValue { get }
    /// Reads a stored value, or returns `nil` when the value cannot represent `Self`.
    init?(sqliteValue: SQLiteValue)
}
