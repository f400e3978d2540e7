import CSQLite

extension Statement {
    /// The number of columns in a result row.
    public var columnCount: Int {
        handle.map { Int(sqlite3_column_count($0)) } ?? 0
    }

    /// The name of the column at `index` (0-based), as the query spelled it or aliased it.
    public func columnName(at index: Int) throws -> String {
        let handle = try openHandle()
        try checkColumn(index, handle: handle)
        return sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    /// The index of the column named `name` (the first one, if several share it).
    public func columnIndex(named name: String) throws -> Int {
        let handle = try openHandle()
        if columnIndexesByName == nil {
            var indexes: [String: Int32] = [:]
            for column in 0..<sqlite3_column_count(handle) {
                if let cName = sqlite3_column_name(handle, column) {
                    let columnName = String(cString: cName)
                    if indexes[columnName] == nil { indexes[columnName] = column }
                }
            }
            columnIndexesByName = indexes
        }
        guard let index = columnIndexesByName?[name] else {
            throw SQLiteUsageError.unknownColumn(name: name, sql: sql)
        }
        return Int(index)
    }

    /// The value of the column at `index` in the current row, in its storage class.
    public func value(at index: Int) throws -> SQLiteValue {
        // Only the statement's own handle is checked here, not its connection: reading the row that `step`
        // already produced is safe even if the connection was closed since, and this runs once per column.
        guard let handle else { throw SQLiteUsageError.closed }
        try checkColumn(index, handle: handle)
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .blob([UInt8](UnsafeRawBufferPointer(start: blob, count: count)))
        default:
            return .null
        }
    }

    // Typed readers for row decoding in hot paths: the same results and errors as `column(_:as:)` with the
    // matching type, without making an `SQLiteValue` first (which copies every TEXT into a String, even one
    // that is then thrown away, and goes through a generic conversion).

    /// The INTEGER at `index`, as `column(index, as: Int64.self)` reads it.
    public func int64(at index: Int) throws -> Int64 {
        guard let handle, index >= 0, index < Int(sqlite3_column_count(handle)),
            sqlite3_column_type(handle, Int32(index)) == SQLITE_INTEGER
        else { return try column(index, as: Int64.self) }
        return sqlite3_column_int64(handle, Int32(index))
    }

    /// The INTEGER at `index`, or nil for NULL, as `column(index, as: Int64?.self)` reads it.
    public func optionalInt64(at index: Int) throws -> Int64? {
        guard let handle, index >= 0, index < Int(sqlite3_column_count(handle)) else {
            return try column(index, as: Int64?.self)
        }
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: return sqlite3_column_int64(handle, Int32(index))
        case SQLITE_NULL: return nil
        default: return try column(index, as: Int64?.self)
        }
    }

    /// The TEXT at `index`, as `column(index, as: String.self)` reads it.
    public func string(at index: Int) throws -> String {
        guard let handle, index >= 0, index < Int(sqlite3_column_count(handle)),
            sqlite3_column_type(handle, Int32(index)) == SQLITE_TEXT
        else { return try column(index, as: String.self) }
        return text(handle, Int32(index))
    }

    /// The TEXT at `index`, or nil for NULL, as `column(index, as: String?.self)` reads it.
    public func optionalString(at index: Int) throws -> String? {
        guard let handle, index >= 0, index < Int(sqlite3_column_count(handle)) else {
            return try column(index, as: String?.self)
        }
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_TEXT: return text(handle, Int32(index))
        case SQLITE_NULL: return nil
        default: return try column(index, as: String?.self)
        }
    }

    private func text(_ handle: OpaquePointer, _ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of the TEXT value at `index`, borrowed from SQLite without a copy (valid
    /// only inside `body`), and returns its result; a value of another storage class (NULL included) throws
    /// ``SQLiteUsageError/typeMismatch(column:expected:found:sql:)`` like `column(_:as: String.self)`.
    public func withText<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result {
        guard let handle else { throw SQLiteUsageError.closed }
        try checkColumn(index, handle: handle)
        let column = Int32(index)
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT else {
            let found = try value(at: index)
            let name = (try? columnName(at: index)) ?? String(index)
            throw SQLiteUsageError.typeMismatch(column: name, expected: "String", found: found.typeName, sql: sql)
        }
        let text = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : count))
    }

    /// The column at `index` read as `Value`; a NULL or a value of another storage class throws
    /// ``SQLiteUsageError/typeMismatch(column:expected:found:sql:)`` (read as `Value?` to accept NULL).
    @inlinable  // specialised in the caller: no generic metadata lookups per column read
    public func column<Value: SQLiteValueConvertible>(_ index: Int, as type: Value.Type = Value.self) throws -> Value {
        let stored = try value(at: index)
        guard let converted = Value(sqliteValue: stored) else {
            let name = (try? columnName(at: index)) ?? String(index)
            throw SQLiteUsageError.typeMismatch(
                column: name, expected: String(describing: Value.self), found: stored.typeName, sql: sql)
        }
        return converted
    }

    /// The column named `name` read as `Value`.
    @inlinable
    public func column<Value: SQLiteValueConvertible>(
        _ name: String, as type: Value.Type = Value.self
    ) throws -> Value {
        try column(try columnIndex(named: name), as: Value.self)
    }

    private func checkColumn(_ index: Int, handle: OpaquePointer) throws {
        let count = sqlite3_column_count(handle)
        guard index >= 0, index < Int(count) else {
            throw SQLiteUsageError.columnIndexOutOfRange(index: Int32(clamping: index), count: count, sql: sql)
        }
    }
}
