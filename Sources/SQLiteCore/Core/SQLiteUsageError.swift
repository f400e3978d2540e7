/// A misuse of the SQLiteCore API, found before or around libsqlite3 rather than by it.
///
/// These are programming or lifecycle errors (a closed pool, a nested transaction, a column read
/// as the wrong type), distinct from ``SQLiteError``, which reports what the database said.
public enum SQLiteUsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The connection or pool was closed before this call.
    case closed
    /// A transaction was started while one is already open on this connection; SQLite has no nested
    /// transactions, and silently committing an inner one would break the outer one's atomicity.
    case nestedTransaction
    /// A named parameter does not occur in the statement.
    case unknownParameter(name: String, sql: String)
    /// A parameter index is outside `1...parameterCount`.
    case parameterIndexOutOfRange(index: Int32, count: Int32, sql: String)
    /// A column name does not occur in the statement's result.
    case unknownColumn(name: String, sql: String)
    /// A column index is outside `0..<columnCount`.
    case columnIndexOutOfRange(index: Int32, count: Int32, sql: String)
    /// A column held a value that cannot be read as the requested type (NULL read as non-optional included).
    case typeMismatch(column: String, expected: String, found: String, sql: String)
    /// More arguments were given than the statement has parameters, or fewer.
    case argumentCountMismatch(expected: Int32, given: Int, sql: String)

    public var description: String {
        switch self {
        case .closed:
            return "the database is closed"
        case .nestedTransaction:
            return "a transaction is already open on this connection (nested transactions are not supported)"
        case .unknownParameter(let name, let sql):
            return "no parameter named \(name) in [\(sql)]"
        case .parameterIndexOutOfRange(let index, let count, let sql):
            return "parameter index \(index) outside 1...\(count) in [\(sql)]"
        case .unknownColumn(let name, let sql):
            return "no column named \(name) in [\(sql)]"
        case .columnIndexOutOfRange(let index, let count, let sql):
            return "column index \(index) outside 0..<\(count) in [\(sql)]"
        case .typeMismatch(let column, let expected, let found, let sql):
            return "column \(column) holds \(found), expected \(expected) in [\(sql)]"
        case .argumentCountMismatch(let expected, let given, let sql):
            return "\(given) arguments given for \(expected) parameters in [\(sql)]"
        }
    }
}
