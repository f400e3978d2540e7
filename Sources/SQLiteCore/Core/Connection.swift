import CSQLite

/// One open libsqlite3 connection (`sqlite3*`), with its cache of prepared statements.
///
/// A connection has exactly one owner and is used by one thread at a time (it is opened with
/// `SQLITE_OPEN_NOMUTEX`), so it is not `Sendable`; share a file through ``DatabasePool`` instead.
/// The handle is closed exactly once, by ``close()`` or in `deinit`; using a closed connection
/// throws ``SQLiteUsageError/closed``.
public final class Connection {
    /// The file this connection opened.
    public let path: String
    /// The settings it was opened with.
    public let configuration: Configuration

    /// The `sqlite3*`, or `nil` once closed.
    private(set) var handle: OpaquePointer?
    /// Prepared statements by SQL text; each is reset and its bindings cleared when handed out again.
    private var statementCache: [String: Statement] = [:]
    /// The context of a WAL hook installed by a pool's checkpointer, kept alive as long as the handle.
    var checkpointHookContext: CheckpointHookContext?

    /// Process-wide settings made once, before the first connection initializes SQLite.
    private static let librarySettings: Void = {
        _ = csqlite_disable_memory_statistics()
    }()

    /// Opens (or, with `.readWriteCreate`, creates) the database at `path` and applies the house pragmas.
    /// On any failure the half-open handle is closed before the error is thrown.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        Self.librarySettings
        self.path = path
        self.configuration = configuration
        var flags = SQLITE_OPEN_NOMUTEX
        var name = path
        switch configuration.accessMode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .immutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            name = Self.immutableURI(path)
        }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(name, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            // sqlite3_open_v2 allocates a handle even when it fails; it carries the message and must be closed.
            let error = SQLiteError(handle: opened, code: code, sql: nil)
            sqlite3_close_v2(opened)
            throw SQLiteError(
                extendedCode: error.extendedCode, message: "\(error.message) (\(path))", systemErrno: error.systemErrno)
        }
        handle = opened
        sqlite3_extended_result_codes(opened, 1)
        do {
            let milliseconds =
                configuration.busyTimeout.components.seconds * 1000
                + configuration.busyTimeout.components.attoseconds / 1_000_000_000_000_000
            sqlite3_busy_timeout(opened, Int32(clamping: milliseconds))
            if configuration.usesWriteAheadLog && configuration.accessMode != .readOnly
                && configuration.accessMode != .immutable
            {
                // Prepared outside the cache: it runs once per connection.
                let pragma = try prepare("PRAGMA journal_mode = WAL")
                let mode = try pragma.step() ? try pragma.column(0, as: String?.self) : nil
                if mode?.lowercased() != "wal" {
                    throw SQLiteError(extendedCode: SQLITE_ERROR, message: "could not enable WAL (mode \(mode ?? "?"))")
                }
            }
            // temp_store=MEMORY keeps the statement journals of savepoints (one per group-commit caller)
            // and sort spills in memory instead of temporary files.
            try executeScript("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;")
            if configuration.isQueryOnly {
                try executeScript("PRAGMA query_only = ON;")
            }
            if let bytes = configuration.memoryMapSize {
                try executeScript("PRAGMA mmap_size = \(max(0, bytes));")
            }
            if let kibibytes = configuration.pageCacheKiB {
                try executeScript("PRAGMA cache_size = -\(max(0, kibibytes));")
            }
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Whether ``close()`` has run.
    public var isClosed: Bool { handle == nil }

    /// Whether the main database takes no writes on this connection: opened read-only, or opened for writing
    /// where SQLite fell back to reading because the file system refused (`sqlite3_db_readonly`).
    public var isReadOnly: Bool {
        handle.map { sqlite3_db_readonly($0, "main") == 1 } ?? true
    }

    /// `file:` URI of `path` with `immutable=1`; characters that URIs reserve, and non-ASCII bytes, are
    /// percent-encoded (SQLite decodes them back to bytes).
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0x80...0xFF:
                encoded += "%" + String(byte, radix: 16, uppercase: true)
            default:
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:\(encoded)?immutable=1"
    }

    /// Finalizes the cached statements and closes the handle; later calls do nothing.
    ///
    /// Statements prepared with ``prepare(_:)`` and still alive keep the file open until they are
    /// released (`sqlite3_close_v2`), but any use of them throws ``SQLiteUsageError/closed``.
    public func close() {
        guard let handle else { return }
        for statement in statementCache.values {
            statement.finalize()
        }
        statementCache.removeAll()
        self.handle = nil
        sqlite3_close_v2(handle)
    }

    /// The open handle, or ``SQLiteUsageError/closed``.
    func openHandle() throws -> OpaquePointer {
        guard let handle else { throw SQLiteUsageError.closed }
        return handle
    }

    /// Prepares a statement that the caller owns; it is finalized when released.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// A prepared statement from the cache (or newly prepared and cached), reset and with its bindings
    /// cleared. If the cached one is in use (a query inside another query's loop with the same SQL), a
    /// fresh uncached statement is returned instead.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql], !statement.isFinalized {
            if statement.isBusy {
                return try Statement(connection: self, sql: sql)
            }
            try statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try Statement(connection: self, sql: sql)
        if statementCache.count >= configuration.statementCacheCapacity {
            evictIdleStatements()
        }
        statementCache[sql] = statement
        return statement
    }

    /// Drops every cached statement that is not in use.
    private func evictIdleStatements() {
        for (sql, statement) in statementCache where !statement.isBusy {
            statementCache[sql] = nil
        }
    }

    /// The number of statements in the cache.
    public var cachedStatementCount: Int { statementCache.count }

    /// Runs one or more SQL statements without arguments (`sqlite3_exec`), as migrations and pragmas need.
    public func executeScript(_ sql: String) throws {
        let handle = try openHandle()
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) }
            sqlite3_free(errorMessage)
            let error = SQLiteError(handle: handle, code: code, sql: sql)
            throw SQLiteError(
                extendedCode: error.extendedCode, message: message ?? error.message, sql: sql,
                systemErrno: error.systemErrno)
        }
    }

    /// Runs one statement to completion with positional arguments (`?`, `?1` …), through the statement cache.
    public func execute(_ sql: String, _ arguments: [(any SQLiteValueConvertible)?] = []) throws {
        let statement = try cachedStatement(sql)
        defer { statement.resetQuietly() }
        try statement.bind(arguments)
        try statement.run()
    }

    /// Runs one statement to completion with named arguments (`:name`, `@name`, `$name`; the key may
    /// omit the prefix, `:` is then assumed).
    public func execute(_ sql: String, named arguments: [String: (any SQLiteValueConvertible)?]) throws {
        let statement = try cachedStatement(sql)
        defer { statement.resetQuietly() }
        try statement.bind(named: arguments)
        try statement.run()
    }

    /// Runs a query and maps each row with `row`, which reads columns from the statement positioned on it.
    public func query<Row>(
        _ sql: String,
        _ arguments: [(any SQLiteValueConvertible)?] = [],
        row: (Statement) throws -> Row
    ) throws -> [Row] {
        let statement = try cachedStatement(sql)
        defer { statement.resetQuietly() }
        try statement.bind(arguments)
        var rows: [Row] = []
        while try statement.step() {
            rows.append(try row(statement))
        }
        return rows
    }

    /// Runs a query and maps its first row, or returns `nil` when there is none; the rest are not read.
    public func queryFirst<Row>(
        _ sql: String,
        _ arguments: [(any SQLiteValueConvertible)?] = [],
        row: (Statement) throws -> Row
    ) throws -> Row? {
        let statement = try cachedStatement(sql)
        defer { statement.resetQuietly() }
        try statement.bind(arguments)
        guard try statement.step() else { return nil }
        return try row(statement)
    }

    /// The first column of the first row, or `nil` when there is no row.
    public func queryValue<Value: SQLiteValueConvertible>(
        _ sql: String,
        _ arguments: [(any SQLiteValueConvertible)?] = [],
        as type: Value.Type = Value.self
    ) throws -> Value? {
        try queryFirst(sql, arguments) { try $0.column(0, as: Value.self) }
    }

    /// The rowid of the last successful `INSERT` on this connection.
    public var lastInsertedRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// Rows changed by the last `INSERT`, `UPDATE` or `DELETE` on this connection.
    public var changedRowCount: Int {
        handle.map { Int(sqlite3_changes64($0)) } ?? 0
    }

    /// Rows changed by every `INSERT`, `UPDATE` and `DELETE` since the connection opened (`sqlite3_total_changes64`).
    public var totalChangedRowCount: Int64 {
        handle.map { sqlite3_total_changes64($0) } ?? 0
    }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool {
        handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
