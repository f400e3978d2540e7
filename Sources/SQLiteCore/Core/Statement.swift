import CSQLite

/// One prepared statement (`sqlite3_stmt*`), finalized exactly once: by its connection's ``Connection/close()``
/// or in `deinit`.
///
/// Parameters are numbered from 1 (as in SQLite), columns from 0. A statement belongs to its connection's
/// thread and is not `Sendable`.
public final class Statement {
    /// The SQL text it was prepared from.
    public let sql: String
    /// The statement handle, `nil` once finalized.
    private(set) var handle: OpaquePointer?
    /// The owning connection; weak so the connection's cache does not form a cycle.
    private weak var connection: Connection?
    /// Column name to index, built on first lookup by name.
    var columnIndexesByName: [String: Int32]?

    init(connection: Connection, sql: String) throws {
        let database = try connection.openHandle()
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK else {
            sqlite3_finalize(prepared)
            throw SQLiteError(handle: database, code: code, sql: sql)
        }
        guard let prepared else {
            // Only whitespace or comments: SQLite prepares nothing. Treat as a misuse of the API.
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "no statement in the SQL text", sql: sql)
        }
        self.sql = sql
        self.handle = prepared
        self.connection = connection
    }

    deinit {
        finalize()
    }

    /// Releases the handle; later use throws ``SQLiteUsageError/closed``.
    func finalize() {
        guard let handle else { return }
        self.handle = nil
        sqlite3_finalize(handle)
    }

    var isFinalized: Bool { handle == nil }

    /// The handle, or ``SQLiteUsageError/closed`` when the statement or its connection was closed.
    func openHandle() throws -> OpaquePointer {
        guard let handle, let connection, !connection.isClosed else { throw SQLiteUsageError.closed }
        return handle
    }

    /// Whether the statement has been stepped and not yet run to completion or reset.
    public var isBusy: Bool {
        handle.map { sqlite3_stmt_busy($0) != 0 } ?? false
    }

    /// Whether the statement leaves the database unchanged (`SELECT`, most `PRAGMA`s).
    public var isReadOnly: Bool {
        handle.map { sqlite3_stmt_readonly($0) != 0 } ?? true
    }

    /// Advances to the next row: `true` when a row is available, `false` when the statement is done.
    /// On error the statement is reset, so it does not stay busy.
    public func step() throws -> Bool {
        let handle = try openHandle()
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let error = SQLiteError(handle: sqlite3_db_handle(handle), code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Steps until done, ignoring rows: for `INSERT`, `UPDATE`, `DELETE` and DDL.
    public func run() throws {
        while try step() {}
    }

    /// Rewinds the statement so it can run again; bindings stay.
    public func reset() throws {
        let handle = try openHandle()
        // sqlite3_reset repeats the error of the last step; that error was already thrown by `step`.
        _ = sqlite3_reset(handle)
    }

    /// Rewinds without reporting anything, for cleanup paths.
    func resetQuietly() {
        if let handle { sqlite3_reset(handle) }
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        if let handle { sqlite3_clear_bindings(handle) }
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
