extension DatabasePool {
    /// Settings of a pool; the defaults suit one Klaxon process on a small machine.
    public struct Configuration: Sendable {
        /// How each connection is opened (busy timeout, access mode, statement cache).
        /// Default: ``Connection/Configuration/init()``, the house settings.
        public var connection = Connection.Configuration()
        /// Default 4: reader connections, each on its own thread. Reads are short and CPU-bound, so a few
        /// more than the cores lets a slow list query run without holding up lookups by id.
        public var readerCount = 4
        /// Default 1 GiB: how much of the file each reader connection reads through a memory map
        /// (``Connection/Configuration/memoryMapSize``); nil reads with `pread` as SQLite does by default.
        /// Reads of a large file spend much of their time copying pages into the page cache otherwise. The
        /// map is address space, not memory: the kernel's page cache backs it, shared by all connections.
        public var readerMemoryMapSize: Int? = 1 << 30
        /// Default 8 MiB: each reader's page cache (``Connection/Configuration/pageCacheKiB``), up from
        /// SQLite's 2 MiB, so the upper levels of the indexes of a large file stay decoded between reads.
        public var readerPageCacheKiB: Int? = 8 * 1024
        /// Default 16: the most queued reads one reader runs inside one read transaction (each still sees
        /// one snapshot, begun after it was queued). Opening and closing a read transaction costs two or three
        /// system calls for the write-ahead log's read locks, more than a read by id itself; under load the
        /// reads waiting in the queue share them. A reader takes at most its share of the queue, so the
        /// others are not left idle. 1 gives every read its own transaction.
        public var maximumReadBatchSize = 16

        /// Default 256: the most callers committed together in one group-commit transaction; bounds the
        /// work lost to one failed commit and the latency of the last caller in a batch.
        public var maximumBatchSize = 256

        /// Default 1000 (SQLite's own automatic threshold): once the write-ahead log holds this many pages
        /// after a commit, a checkpoint is requested from the pool's checkpointer thread, which runs it off
        /// the writer's path. `nil` leaves checkpoints to SQLite, inside the writer's commits.
        public var backgroundCheckpointPages: Int? = 1000

        /// Default `false`: the initializer throws when the writer connection cannot be opened for writing.
        /// When `true` (a server that must stay up), the pool opens whatever it can: a connection that cannot
        /// be opened (a read-only file system, a missing folder) is tried again when work arrives for it, at
        /// most once per ``reopenInterval``, and until then that work fails with the last try's error. Readers
        /// that cannot open the file normally read it as immutable when that is safe (no `-wal` file left to
        /// read), until the writer opens it.
        public var retriesOpening = false
        /// Default 1 s: the shortest time between two tries to open a connection (with ``retriesOpening``).
        public var reopenInterval: Duration = .seconds(1)
        /// Told each time writes stop going through for a reason of the environment, or go through again
        /// (see ``WriteAvailability``); called on the writer thread, so it must return quickly.
        public var writeAvailabilityObserver: (@Sendable (WriteAvailability) -> Void)?
        /// Default 10 s: after a write fails on a full disk, how long without another such failure before the
        /// pool says writes go through again (see ``DiskFullMemory``), whatever commits in between.
        public var fullDiskSettling: Duration = .seconds(10)

        /// The defaults.
        public init() {}
    }
}
