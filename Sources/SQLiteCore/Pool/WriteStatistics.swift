/// Counters of a pool's writer (and of its readers' batching), for metrics and for judging group commit.
public struct WriteStatistics: Sendable, Equatable {
    /// Transactions committed by the writer (each one fsync of the write-ahead log).
    public var transactionsCommitted = 0
    /// Callers whose work was committed; divided by ``transactionsCommitted`` it is the batching factor.
    public var callersCommitted = 0
    /// Callers whose closure threw or whose transaction failed to commit.
    public var callersFailed = 0
    /// Callers run a second time because another caller's failure took their shared transaction down (it had
    /// changed rows, or SQLite abandoned the transaction): work done twice, which should stay rare.
    public var callersRerun = 0
    /// The largest number of callers committed in one transaction.
    public var largestBatch = 0
    /// Background checkpoints run (pages moved from the write-ahead log into the database file).
    public var checkpoints = 0
    /// Checkpoints the writer ran itself after a commit, because the log reached twice the threshold.
    public var writerCheckpoints = 0
    /// Checkpoints that SQLite reported as failed (they are retried at the next request).
    public var checkpointFailures = 0
    /// Reads run by the readers (each counted before its caller resumes).
    public var readsRun = 0
    /// Read transactions the readers began: reads queued together share one
    /// (``DatabasePool/Configuration/maximumReadBatchSize``), so ``readsRun`` over this is the batching.
    public var readTransactions = 0
    /// Statements found still busy after a unit of work (on any pool connection) and reset; should stay 0.
    public var busyStatementsReset = 0
    /// Seconds from `BEGIN IMMEDIATE` to the end of `COMMIT` of each committed transaction (fsync included).
    public var commitSeconds = BucketCounts(
        upperBounds: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5])
    /// Callers committed together in each committed transaction.
    public var commitBatchSizes = BucketCounts(upperBounds: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512])

    public init() {}

    /// Callers per committed transaction, 0 before the first commit.
    public var averageCallersPerCommit: Double {
        transactionsCommitted == 0 ? 0 : Double(callersCommitted) / Double(transactionsCommitted)
    }
}
