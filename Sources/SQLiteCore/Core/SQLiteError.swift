import CSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error reported by libsqlite3, with its primary and extended result code.
///
/// The SQL text is kept to help whoever reads the log; bound arguments never are, since they may hold
/// secrets or personal data. Use the `is…` properties to tell conditions apart (a busy database is
/// worth a retry, a unique violation is a conflict, a full disk is an outage).
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_IOERR_FSYNC`, …).
    public let extendedCode: Int32
    /// The message SQLite gave (`sqlite3_errmsg`), or the generic text of the code.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?
    /// The `errno` of the system call behind an I/O or open error (`sqlite3_system_errno`), 0 when none:
    /// it tells a file system that refuses writes (`EROFS`) from a failing disk (`EIO`).
    public let systemErrno: Int32

    /// Creates an error from a result code; `message` defaults to SQLite's generic text of that code.
    public init(extendedCode: Int32, message: String? = nil, sql: String? = nil, systemErrno: Int32 = 0) {
        self.extendedCode = extendedCode
        self.message = message ?? String(cString: sqlite3_errstr(extendedCode))
        self.sql = sql
        self.systemErrno = systemErrno
    }

    /// Reads the current error of a connection handle.
    init(handle: OpaquePointer?, code: Int32, sql: String?) {
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        // The connection's extended code belongs to the last failing call; trust it only when it
        // agrees with the code we were given (it may be stale after a later successful call).
        let chosen = extended & 0xFF == code & 0xFF ? extended : code
        let text = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        // Only I/O and open errors come from a system call; for the others the value is left over.
        let primary = chosen & 0xFF
        let fromSystem = primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN
        let systemErrno = fromSystem ? handle.map { sqlite3_system_errno($0) } ?? 0 : 0
        self.init(extendedCode: chosen, message: text, sql: sql, systemErrno: systemErrno)
    }

    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …): the low 8 bits of the extended code.
    public var primaryCode: Int32 { extendedCode & 0xFF }

    /// The database is locked by another connection (`SQLITE_BUSY`) or within this one (`SQLITE_LOCKED`);
    /// a retry later may succeed.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    /// Any constraint violation (unique, foreign key, check, not null, trigger).
    public var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }
    /// A `UNIQUE` or `PRIMARY KEY` constraint was violated.
    public var isUniqueConstraint: Bool {
        extendedCode == SQLiteError.constraintUnique || extendedCode == SQLiteError.constraintPrimaryKey
    }
    /// A `FOREIGN KEY` constraint was violated.
    public var isForeignKeyConstraint: Bool { extendedCode == SQLiteError.constraintForeignKey }
    /// A `CHECK` constraint was violated.
    public var isCheckConstraint: Bool { extendedCode == SQLiteError.constraintCheck }
    /// A `NOT NULL` constraint was violated.
    public var isNotNullConstraint: Bool { extendedCode == SQLiteError.constraintNotNull }
    /// A trigger refused the change with `RAISE(ABORT, …)` (as the append-only tables do).
    public var isTriggerConstraint: Bool { extendedCode == SQLiteError.constraintTrigger }
    /// The disk (or `max_page_count`) is full.
    public var isFull: Bool { primaryCode == SQLITE_FULL }
    /// The database, or its file system, is read-only: SQLite's own `SQLITE_READONLY` (a file opened read-only,
    /// `query_only`), or a write, sync or open that the file system refused with `EROFS` (SQLite reports those
    /// as `SQLITE_IOERR_WRITE`, `SQLITE_IOERR_FSYNC`, `SQLITE_CANTOPEN` …).
    public var isReadOnly: Bool {
        primaryCode == SQLITE_READONLY || ((isIOError || isCannotOpen) && systemErrno == EROFS)
    }
    /// The file is damaged or is not a database at all.
    public var isCorrupt: Bool { primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB }
    /// An operating-system I/O error (read, write, fsync …).
    public var isIOError: Bool { primaryCode == SQLITE_IOERR }
    /// The file could not be opened.
    public var isCannotOpen: Bool { primaryCode == SQLITE_CANTOPEN }
    /// The condition lies in the environment (locks, disk, permissions, damage) rather than in the request:
    /// the service is unavailable for writes, and the API should answer 503.
    public var isEnvironmental: Bool { isBusy || isFull || isReadOnly || isCorrupt || isIOError || isCannotOpen }

    public var description: String {
        var text = "SQLite error \(extendedCode) (\(String(cString: sqlite3_errstr(extendedCode)))): \(message)"
        if systemErrno != 0 { text += " (errno \(systemErrno): \(String(cString: strerror(systemErrno))))" }
        if let sql { text += " [SQL: \(sql)]" }
        return text
    }

    // Extended codes are macros built with `|` and `<<`, spelled out here so their meaning is visible.
    static let constraintCheck = SQLITE_CONSTRAINT | (1 << 8)
    static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintNotNull = SQLITE_CONSTRAINT | (5 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintTrigger = SQLITE_CONSTRAINT | (7 << 8)
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
}
