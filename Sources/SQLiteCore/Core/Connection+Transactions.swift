extension Connection {
    /// Runs `body` in one write transaction: `BEGIN IMMEDIATE` (taking the write lock up front, so a busy
    /// database waits on the busy timeout instead of failing half-way), then `COMMIT`; if `body` throws,
    /// or the commit fails, everything is rolled back and the error rethrown.
    ///
    /// Calling it while a transaction is open throws ``SQLiteUsageError/nestedTransaction``.
    public func write<Value>(_ body: (Connection) throws -> Value) throws -> Value {
        try transaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in one read transaction (`BEGIN DEFERRED`), so every statement in it sees the same
    /// snapshot of the database.
    public func read<Value>(_ body: (Connection) throws -> Value) throws -> Value {
        try transaction(begin: "BEGIN DEFERRED", body)
    }

    private func transaction<Value>(begin: String, _ body: (Connection) throws -> Value) throws -> Value {
        _ = try openHandle()
        guard !isInTransaction else { throw SQLiteUsageError.nestedTransaction }
        try execute(begin)
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            rollbackQuietly()
            throw error
        }
    }

    /// Rolls back the open transaction, if any; used on failure paths where the first error matters.
    func rollbackQuietly() {
        if isInTransaction {
            try? execute("ROLLBACK")
        }
    }
}
