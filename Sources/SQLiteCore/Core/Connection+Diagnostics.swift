import CSQLite

extension Connection {
    /// A statement that libsqlite3 still holds for this connection (`sqlite3_next_stmt`).
    public struct LiveStatement: Sendable, Equatable {
        /// Its SQL text.
        public let sql: String
        /// Whether it was stepped and not reset: a busy statement holds a read snapshot open.
        public let isBusy: Bool
    }

    /// Every statement not yet finalized on this connection; after a unit of work, none should be busy
    /// and all should be cached ones.
    public func liveStatements() -> [LiveStatement] {
        guard let handle else { return [] }
        var statements: [LiveStatement] = []
        var current = sqlite3_next_stmt(handle, nil)
        while let statement = current {
            let sql = sqlite3_sql(statement).map { String(cString: $0) } ?? ""
            statements.append(LiveStatement(sql: sql, isBusy: sqlite3_stmt_busy(statement) != 0))
            current = sqlite3_next_stmt(handle, statement)
        }
        return statements
    }

    /// Resets every busy statement and returns how many there were. The pool calls it after each unit of
    /// work, so a forgotten statement cannot pin an old snapshot (and block checkpoints) forever.
    @discardableResult
    public func resetBusyStatements() -> Int {
        guard let handle else { return 0 }
        var count = 0
        var current = sqlite3_next_stmt(handle, nil)
        while let statement = current {
            if sqlite3_stmt_busy(statement) != 0 {
                sqlite3_reset(statement)
                count += 1
            }
            current = sqlite3_next_stmt(handle, statement)
        }
        return count
    }
}
