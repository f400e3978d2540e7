import Synchronization

/// The one gateway to a database file within a process: one writer connection and a few reader
/// connections, each on its own dedicated thread, so that blocking SQLite work (fsync above all) never
/// runs on Swift's cooperative pool.
///
/// Writes are serialised on the writer and committed in groups: callers that arrive while a commit is
/// in flight wait (suspended) and are then run together in one `BEGIN IMMEDIATE … COMMIT`, each inside
/// its own savepoint, so one caller's error rolls back only its own work. Every caller is resumed only
/// after the `COMMIT` has returned, that is, after its write is on disk (`synchronous=FULL`).
/// Reads run in read transactions on the reader connections and, thanks to WAL, never wait for writes.
/// A checkpointer thread with its own connection moves committed pages from the write-ahead log into the
/// database file, outside the writer's commits (see ``Configuration/backgroundCheckpointPages``).
///
/// Closing the pool lets queued work finish; any call after that throws ``SQLiteUsageError/closed``.
public final class DatabasePool: Sendable {
    /// The database file.
    public let path: String
    /// The settings the pool was opened with.
    public let configuration: Configuration

    private let writerQueue = BlockingQueue<any PoolJob>()
    private let readerQueue = BlockingQueue<any PoolJob>()
    private let checkpointRequests = BlockingQueue<Int>()
    private let threads: [WorkerThread]
    private let counters = PoolStatistics()
    private let generation = WriteGeneration()
    private let closed = Atomic(false)

    /// Opens (creating it if the configuration allows) the file at `path` with the writer connection, then
    /// the readers, and starts their threads. Throws what opening threw; nothing is left open then.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        self.path = path
        self.configuration = configuration
        let writer = try Connection(path: path, configuration: configuration.connection)
        var readerConfiguration = configuration.connection
        readerConfiguration.isQueryOnly = true
        readerConfiguration.memoryMapSize = configuration.readerMemoryMapSize ?? readerConfiguration.memoryMapSize
        readerConfiguration.pageCacheKiB = configuration.readerPageCacheKiB ?? readerConfiguration.pageCacheKiB
        if readerConfiguration.accessMode == .readWriteCreate {
            readerConfiguration.accessMode = .readWrite
        }
        let readers = try (0..<max(1, configuration.readerCount)).map { _ in
            try Connection(path: path, configuration: readerConfiguration)
        }

        var checkpointer: Connection?
        if let pages = configuration.backgroundCheckpointPages, configuration.connection.accessMode != .readOnly {
            var checkpointerConfiguration = configuration.connection
            checkpointerConfiguration.accessMode = .readWrite
            checkpointer = try Connection(path: path, configuration: checkpointerConfiguration)
            try Checkpointer.install(
                on: writer, requests: checkpointRequests, thresholdPages: pages, statistics: counters)
        }

        var threads: [WorkerThread] = []
        // Each connection is handed to its thread and never touched again here.
        let writerTransfer = UncheckedTransfer(value: writer)
        let writerQueue = self.writerQueue
        let counters = self.counters
        let generation = self.generation
        let batchSize = max(1, configuration.maximumBatchSize)
        threads.append(
            WorkerThread(name: "sqlite-writer") {
                GroupCommitWriter(
                    connection: writerTransfer.value, queue: writerQueue, statistics: counters,
                    generation: generation, maximumBatchSize: batchSize
                ).run()
            })
        let readerQueue = self.readerQueue
        for (index, reader) in readers.enumerated() {
            let readerTransfer = UncheckedTransfer(value: reader)
            threads.append(
                WorkerThread(name: "sqlite-reader-\(index)") {
                    ReaderWorker(connection: readerTransfer.value, queue: readerQueue, statistics: counters).run()
                })
        }
        if let checkpointer {
            let checkpointerTransfer = UncheckedTransfer(value: checkpointer)
            let requests = checkpointRequests
            threads.append(
                WorkerThread(name: "sqlite-checkpointer") {
                    Checkpointer(connection: checkpointerTransfer.value, requests: requests, statistics: counters).run()
                })
        }
        self.threads = threads
    }

    deinit {
        // The threads hold the queues, not the pool: closing the queues lets them drain and exit.
        writerQueue.close()
        readerQueue.close()
        checkpointRequests.close()
    }

    /// Runs `body` on a reader connection inside a read transaction and returns its result.
    public func read<Value: Sendable>(_ body: @escaping @Sendable (Connection) throws -> Value) async throws -> Value {
        try await submit(to: readerQueue, isTransactional: true, body)
    }

    /// Runs `body` on a reader connection inside a read transaction, like ``read(_:)``, and calls `completion`
    /// with the outcome on that reader's thread, without a task to resume: for callers that are not in Swift
    /// concurrency (an event loop handing a request over). `completion` must be quick and must not block: the
    /// reader takes its next read only when it returns. When the pool is closed, `completion` gets
    /// ``SQLiteUsageError/closed`` at once, on the calling thread.
    public func read<Value>(
        _ body: @escaping @Sendable (Connection) throws -> Value,
        completion: @escaping @Sendable (Result<Value, any Error>) -> Void
    ) {
        guard !closed.load(ordering: .acquiring),
            readerQueue.push(PoolCallbackRequest(isTransactional: true, body: body, completion: completion))
        else {
            completion(.failure(SQLiteUsageError.closed))
            return
        }
    }

    /// A number that grows after every write unit of work of this pool (``write(_:)``,
    /// ``writeWithoutTransaction(_:)``), committed or failed, and before its caller resumes. Load it before a
    /// read: if it is still the same afterwards, no write acknowledged since is missing from what was read.
    /// Writes by other processes on the same file are not counted.
    public var writeGeneration: UInt64 { generation.current }

    /// Runs `body` on the writer connection inside a transaction, possibly shared with other callers
    /// (each in its own savepoint), and returns once that transaction is committed and durable.
    /// If `body` throws, its changes are rolled back and the error is rethrown; other callers are not affected.
    /// Starting another transaction inside `body` throws ``SQLiteUsageError/nestedTransaction``.
    ///
    /// `body` should only work on the database: when another caller's failure makes SQLite abandon the
    /// shared transaction (a full disk, say), the callers that had already run in it are run again in a
    /// fresh one, so `body` may run more than once (its earlier effects on the database having been rolled
    /// back). Cancelling the calling task does not withdraw a write already queued.
    @discardableResult
    public func write<Value: Sendable>(_ body: @escaping @Sendable (Connection) throws -> Value) async throws -> Value {
        try await submit(to: writerQueue, isTransactional: true, body)
    }

    /// Runs `body` alone on the writer connection outside any transaction; `body` manages its own
    /// (migrations, `VACUUM`, pragmas). A transaction it leaves open is rolled back.
    @discardableResult
    public func writeWithoutTransaction<Value: Sendable>(
        _ body: @escaping @Sendable (Connection) throws -> Value
    ) async throws -> Value {
        try await submit(to: writerQueue, isTransactional: false, body)
    }

    private func submit<Value: Sendable>(
        to queue: BlockingQueue<any PoolJob>,
        isTransactional: Bool,
        _ body: @escaping @Sendable (Connection) throws -> Value
    ) async throws -> Value {
        guard !closed.load(ordering: .acquiring) else { throw SQLiteUsageError.closed }
        return try await withCheckedThrowingContinuation { continuation in
            let request = PoolRequest(isTransactional: isTransactional, body: body, continuation: continuation)
            if !queue.push(request) {
                continuation.resume(throwing: SQLiteUsageError.closed)
            }
        }
    }

    /// The writer's counters so far.
    public var statistics: WriteStatistics { counters.snapshot }

    /// Whether ``close()`` was called.
    public var isClosed: Bool { closed.load(ordering: .acquiring) }

    /// Refuses new work, lets queued work finish, and returns when every connection is closed.
    public func close() async {
        closed.store(true, ordering: .releasing)
        writerQueue.close()
        readerQueue.close()
        // The writer goes first: it may still request checkpoints while draining its queue.
        await threads[0].waitUntilFinished()
        checkpointRequests.close()
        for thread in threads.dropFirst() {
            await thread.waitUntilFinished()
        }
    }

    /// Copies the live database to `destinationPath` with SQLite's online backup API, on its own
    /// connection and thread, while writers go on writing; then runs `PRAGMA integrity_check` on the copy.
    /// See ``OnlineBackup``.
    public func backup(
        to destinationPath: String, pagesPerStep: Int = 256, pauseBetweenSteps: Duration = .zero
    ) async throws -> BackupResult {
        guard !isClosed else { throw SQLiteUsageError.closed }
        let source = path
        let busyTimeout = configuration.connection.busyTimeout
        return try await WorkerThread.run(name: "sqlite-backup") {
            try OnlineBackup.copy(
                from: source, to: destinationPath, pagesPerStep: pagesPerStep, pauseBetweenSteps: pauseBetweenSteps,
                busyTimeout: busyTimeout)
        }
    }
}
