import CSQLite

extension Statement {
    /// The number of parameters (the largest index used).
    public var parameterCount: Int {
        handle.map { Int(sqlite3_bind_parameter_count($0)) } ?? 0
    }

    /// Binds `value` to the parameter at `index` (1-based); `nil` binds NULL.
    public func bind(_ value: (any SQLiteValueConvertible)?, at index: Int) throws {
        let handle = try openHandle()
        let count = sqlite3_bind_parameter_count(handle)
        guard index >= 1, index <= Int(count) else {
            throw SQLiteUsageError.parameterIndexOutOfRange(index: Int32(clamping: index), count: count, sql: sql)
        }
        try bind(value?.sqliteValue ?? .null, at: Int32(index), handle: handle)
    }

    /// Binds `value` to the named parameter. `name` may carry its prefix (`:id`, `@id`, `$id`); without
    /// one, `:` is assumed.
    public func bind(_ value: (any SQLiteValueConvertible)?, named name: String) throws {
        let handle = try openHandle()
        let index = try parameterIndex(named: name, handle: handle)
        try bind(value?.sqliteValue ?? .null, at: index, handle: handle)
    }

    /// Binds positional arguments to parameters 1, 2, …; their number must equal ``parameterCount``.
    public func bind(_ arguments: [(any SQLiteValueConvertible)?]) throws {
        let handle = try openHandle()
        let count = sqlite3_bind_parameter_count(handle)
        guard arguments.count == Int(count) else {
            throw SQLiteUsageError.argumentCountMismatch(expected: count, given: arguments.count, sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument?.sqliteValue ?? .null, at: Int32(offset + 1), handle: handle)
        }
    }

    /// Binds named arguments; every key must name a parameter of the statement.
    public func bind(named arguments: [String: (any SQLiteValueConvertible)?]) throws {
        let handle = try openHandle()
        for (name, argument) in arguments {
            let index = try parameterIndex(named: name, handle: handle)
            try bind(argument?.sqliteValue ?? .null, at: index, handle: handle)
        }
    }

    private func parameterIndex(named name: String, handle: OpaquePointer) throws -> Int32 {
        let hasPrefix = name.first.map { ":@$".contains($0) } ?? false
        let index = sqlite3_bind_parameter_index(handle, hasPrefix ? name : ":" + name)
        guard index > 0 else { throw SQLiteUsageError.unknownParameter(name: name, sql: sql) }
        return index
    }

    private func bind(_ value: SQLiteValue, at index: Int32, handle: OpaquePointer) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(let text):
            var text = text
            code = text.withUTF8 { bytes in
                // An empty buffer may have no base address, which SQLite would read as NULL: bind "" instead.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(bytes.count), csqlite_transient())
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, !raw.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob(handle, index, base, Int32(raw.count), csqlite_transient())
            }
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(handle: sqlite3_db_handle(handle), code: code, sql: sql)
        }
    }
}
