import CSQLite
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one gateway to a database file within a process: one writer connection and a few reader
/// connections, each on its own dedicated thread, so that blocking SQLite work (fsync above all) never
/// runs on Swift's cooperative pool.
///
/// Writes are serialised on the writer and committed in groups: callers that arrive while a commit is
/// in flight wait (suspended) and are then run together in one `BEGIN IMMEDIATE … COMMIT`; one caller's
/// error rolls back only its own work (see ``write(_:)``). Every caller is resumed only
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
    private let diskFull: DiskFullMemory
    private let closed = Atomic(false)

    /// Opens (creating it if the configuration allows) the file at `path` with the writer connection, then
    /// the readers, and starts their threads. Throws what opening threw; nothing is left open then. With
    /// ``Configuration/retriesOpening``, opening the writer or a reader may fail without throwing: the pool
    /// keeps trying as work arrives (see there).
    public init(path: String, configuration: Configuration = Configuration()) throws {
        self.path = path
        self.configuration = configuration
        self.diskFull = DiskFullMemory(settling: configuration.fullDiskSettling)
        let requests = self.checkpointRequests
        let counters = self.counters
        let checkpointPages =
            configuration.connection.accessMode == .readOnly ? nil : configuration.backgroundCheckpointPages
        let openWriter = { () throws -> Connection in
            let writer: Connection
            do {
                writer = try Connection(path: path, configuration: configuration.connection)
            } catch let error as SQLiteError where error.isEnvironmental && !error.isReadOnly {
                // On a read-only file system SQLite cannot create the `-shm` and reports the file as one it cannot
                // open (with the errno of its last try); name the cause.
                guard DatabasePool.fileSystemRefusesWrites(path) else { throw error }
                throw SQLiteError(
                    extendedCode: SQLITE_READONLY, message: "\(error.message); the file system is read-only",
                    sql: error.sql, systemErrno: EROFS)
            }
            // SQLite opens a file it may not write read-only without a word (EROFS, EACCES): a writer that
            // cannot write is no writer, and is tried again later.
            if configuration.connection.accessMode != .readOnly && writer.isReadOnly {
                writer.close()
                throw SQLiteError(
                    extendedCode: SQLITE_READONLY, message: "the file system refuses writes to \(path)",
                    systemErrno: EROFS)
            }
            if let checkpointPages {
                try Checkpointer.install(
                    on: writer, requests: requests, thresholdPages: checkpointPages, statistics: counters)
            }
            return writer
        }
        var readerConfiguration = configuration.connection
        readerConfiguration.isQueryOnly = true
        readerConfiguration.memoryMapSize = configuration.readerMemoryMapSize ?? readerConfiguration.memoryMapSize
        readerConfiguration.pageCacheKiB = configuration.readerPageCacheKiB ?? readerConfiguration.pageCacheKiB
        if readerConfiguration.accessMode == .readWriteCreate {
            readerConfiguration.accessMode = .readWrite
        }
        let retriesOpening = configuration.retriesOpening
        let openReader = { [readerConfiguration] () throws -> Connection in
            var immutable = readerConfiguration
            immutable.accessMode = .immutable
            if retriesOpening && DatabasePool.fileSystemRefusesWrites(path) {
                // An ordinary connection would map the `-shm` read-only, and SQLite shares that map among all the
                // connections of this process to the file: the writer could not write even once the file system
                // recovered. So read as immutable, which needs no `-shm`, or not at all.
                guard DatabasePool.mayReadAsImmutable(path) else {
                    throw SQLiteError(
                        extendedCode: SQLITE_READONLY,
                        message: "the file system is read-only and \(path)-wal holds changes not yet in the file",
                        systemErrno: EROFS)
                }
                return try Connection(path: path, configuration: immutable)
            }
            do {
                return try Connection(path: path, configuration: readerConfiguration)
            } catch let error as SQLiteError where retriesOpening && error.isEnvironmental {
                guard DatabasePool.mayReadAsImmutable(path) else { throw error }
                return try Connection(path: path, configuration: immutable)
            }
        }
        let reopen = configuration.reopenInterval

        let writerSlot: ConnectionSlot
        do {
            writerSlot = ConnectionSlot(connection: try openWriter(), retryInterval: reopen, open: openWriter)
        } catch  where retriesOpening {
            writerSlot = ConnectionSlot(failure: error, retryInterval: reopen, open: openWriter)
        }
        var readerSlots: [ConnectionSlot] = []
        for _ in 0..<max(1, configuration.readerCount) {
            do {
                readerSlots.append(
                    ConnectionSlot(connection: try openReader(), retryInterval: reopen, open: openReader))
            } catch  where retriesOpening {
                readerSlots.append(ConnectionSlot(failure: error, retryInterval: reopen, open: openReader))
            }
        }
        var checkpointerSlot: ConnectionSlot?
        if checkpointPages != nil {
            var checkpointerConfiguration = configuration.connection
            checkpointerConfiguration.accessMode = .readWrite
            checkpointerSlot = ConnectionSlot(retryInterval: reopen) { [checkpointerConfiguration] in
                try Connection(path: path, configuration: checkpointerConfiguration)
            }
        }

        var threads: [WorkerThread] = []
        // Each slot is handed to its thread and never touched again here.
        let writerTransfer = UncheckedTransfer(value: writerSlot)
        let writerQueue = self.writerQueue
        let generation = self.generation
        let batchSize = max(1, configuration.maximumBatchSize)
        let writerOpened = PoolSignal()
        let observer = configuration.writeAvailabilityObserver
        let diskFull = self.diskFull
        threads.append(
            WorkerThread(name: "sqlite-writer") {
                GroupCommitWriter(
                    path: path, slot: writerTransfer.value, queue: writerQueue, statistics: counters,
                    generation: generation, maximumBatchSize: batchSize,
                    availability: WriteAvailabilityTracker(observer: observer, diskFull: diskFull),
                    writerOpened: writerOpened
                ).run()
            })
        let readerQueue = self.readerQueue
        let readBatchSize = max(1, configuration.maximumReadBatchSize)
        for (index, reader) in readerSlots.enumerated() {
            let readerTransfer = UncheckedTransfer(value: reader)
            threads.append(
                WorkerThread(name: "sqlite-reader-\(index)") {
                    ReaderWorker(
                        slot: readerTransfer.value, queue: readerQueue, statistics: counters,
                        writerOpened: writerOpened, maximumBatchSize: readBatchSize
                    ).run()
                })
        }
        if let checkpointerSlot {
            let checkpointerTransfer = UncheckedTransfer(value: checkpointerSlot)
            threads.append(
                WorkerThread(name: "sqlite-checkpointer") {
                    Checkpointer(slot: checkpointerTransfer.value, requests: requests, statistics: counters).run()
                })
        }
        self.threads = threads
    }

    /// Whether the file system holding `path` (or its folder, when the file does not exist) is read-only.
    static func fileSystemRefusesWrites(_ path: String) -> Bool {
        if access(path, W_OK) == 0 { return false }
        if errno == EROFS { return true }
        guard errno == ENOENT else { return false }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        return access(folder.isEmpty ? "/" : folder, W_OK) != 0 && errno == EROFS
    }

    /// Whether a reader may open `path` as immutable: only when no `-wal` file holds frames the main file
    /// lacks (after a clean close SQLite removes it); with one, the main file alone may be mid-checkpoint.
    static func mayReadAsImmutable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        if stat(path + "-wal", &info) == 0 {
            return info.st_size == 0
        }
        return errno == ENOENT
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
    /// reader takes its next read only when it returns, and reads queued with this one may be waiting in the
    /// same read transaction, which stays open (holding back checkpoints) until they have all run. When the
    /// pool is closed, `completion` gets ``SQLiteUsageError/closed`` at once, on the calling thread.
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

    /// Writes waiting for the writer (not counting the batch it is running).
    public var queuedWrites: Int { writerQueue.count }

    /// How long ago a write failed because the disk was full, when that is less than
    /// ``Configuration/fullDiskSettling`` ago: a full disk still lets small writes through, so one successful
    /// write does not prove that every write fits.
    public var recentDiskFullFailure: Duration? { diskFull.recentFailure }

    /// Runs `body` on the writer connection inside a transaction, possibly shared with other callers
    /// (group commit), and returns once that transaction is committed and durable.
    /// If `body` throws, its changes are rolled back and the error is rethrown; other callers' work stays (see
    /// below).
    /// Starting another transaction inside `body` throws ``SQLiteUsageError/nestedTransaction``.
    ///
    /// `body` should only work on the database: when another caller's failure takes the shared transaction
    /// with it (that caller had changed rows, or SQLite abandoned the transaction on a full disk), the callers
    /// that had already run in it are run again in a fresh one, so `body` may run more than once (its earlier
    /// effects on the database having been rolled back). Cancelling the calling task does not withdraw a
    /// write already queued.
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
        to destinationPath: String, pagesPerStep: Int = 256, pauseBetweenSteps: Duration = .zero,
        isOlderCopy: (@Sendable (_ source: Connection, _ existing: Connection) throws -> Bool)? = nil
    ) async throws -> BackupResult {
        guard !isClosed else { throw SQLiteUsageError.closed }
        let source = path
        let busyTimeout = configuration.connection.busyTimeout
        return try await WorkerThread.run(name: "sqlite-backup") {
            try OnlineBackup.copy(
                from: source, to: destinationPath, pagesPerStep: pagesPerStep, pauseBetweenSteps: pauseBetweenSteps,
                busyTimeout: busyTimeout, isOlderCopy: isOlderCopy)
        }
    }
}
