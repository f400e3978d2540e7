/// Counters of a pool's writer, for metrics and for judging group commit.
public struct WriteStatistics: Sendable, Equatable {
    /// Transactions committed by the writer (each one fsync of the write-ahead log).
    public var transactionsCommitted = 0
    /// Callers whose work was committed; divided by ``transactionsCommitted`` it is the batching factor.
    public var callersCommitted = 0
    /// Callers whose closure threw or whose transaction failed to commit.
    public var callersFailed = 0
    /// The largest number of callers committed in one transaction.
    public var largestBatch = 0
    /// Background checkpoints run (pages moved from the write-ahead log into the database file).
    public var checkpoints = 0
    /// Checkpoints the writer ran itself after a commit, because the log reached twice the threshold.
    public var writerCheckpoints = 0
    /// Checkpoints that SQLite reported as failed (they are retried at the next request).
    public var checkpointFailures = 0
    /// Statements found still busy after a unit of work (on any pool connection) and reset; should stay 0.
    public var busyStatementsReset = 0

    public init() {}

    /// Callers per committed transaction, 0 before the first commit.
    public var averageCallersPerCommit: Double {
        transactionsCommitted == 0 ? 0 : Double(callersCommitted) / Double(transactionsCommitted)
    }
}
