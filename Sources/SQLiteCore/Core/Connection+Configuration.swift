extension Connection {
    /// How a connection is opened; the defaults are the house settings for a Klaxon database file.
    ///
    /// Every connection runs with `foreign_keys=ON`, `synchronous=FULL` (a commit returns only after
    /// the write-ahead log is on disk) and extended result codes; those are not negotiable.
    public struct Configuration: Sendable {
        /// Whether the file may be written, and created when missing.
        public enum AccessMode: Sendable {
            /// `SQLITE_OPEN_READONLY`: every write fails with a read-only error.
            case readOnly
            /// Open an existing file for reading and writing; a missing file is an error.
            case readWrite
            /// Open for reading and writing, creating the file when it does not exist.
            case readWriteCreate
            /// Read-only, and SQLite may assume nobody changes the file while it is open (the `immutable=1` URI
            /// parameter): no locks, no write-ahead log, no `-shm` file. The only way to read a WAL-mode file on
            /// a read-only file system when its `-wal` and `-shm` files are gone (after a clean close); wrong
            /// for a file that another connection may still change.
            case immutable
        }

        /// Default `.readWriteCreate`: a fresh installation starts with no file.
        public var accessMode: AccessMode = .readWriteCreate
        /// Default 5 s: how long a statement waits for another connection's lock before failing with
        /// `SQLITE_BUSY`; long enough to ride out a checkpoint or a backup step, short enough to answer 503.
        public var busyTimeout: Duration = .seconds(5)
        /// Default `true`: switch the file to write-ahead logging, so readers never wait for the writer.
        /// Turned off for files that must keep their journal mode (backup copies).
        public var usesWriteAheadLog: Bool = true
        /// Default `false`: when `true`, `PRAGMA query_only` makes every write fail, as a guard on reader
        /// connections.
        public var isQueryOnly: Bool = false
        /// Default 64: prepared statements kept per connection, keyed by SQL text; a repository uses a
        /// few dozen distinct statements, and a full cache is emptied rather than grown.
        public var statementCacheCapacity: Int = 64
        /// Default nil (SQLite's default: no memory map): when set, up to this many bytes of the database file
        /// are read through a memory map (`PRAGMA mmap_size`) instead of `pread` into the page cache, which
        /// saves a copy and a system call per page on large files. SQLite caps it at its compile-time maximum.
        /// An I/O error on a mapped page reaches the process as a signal instead of an error code, which is
        /// why it is not the default for every connection.
        public var memoryMapSize: Int? = nil
        /// Default nil (SQLite's default, about 2 MiB): the page cache of this connection in KiB
        /// (`PRAGMA cache_size = -N`).
        public var pageCacheKiB: Int? = nil

        /// The house defaults.
        public init() {}

        /// A configuration with the given access mode and busy timeout, other settings at their defaults.
        public init(accessMode: AccessMode, busyTimeout: Duration = .seconds(5)) {
            self.accessMode = accessMode
            self.busyTimeout = busyTimeout
        }
    }
}
