import CSQLite
import Synchronization

/// Whether a pool's writes go through, as its writer thread last saw it: reported to
/// ``DatabasePool/Configuration/writeAvailabilityObserver`` each time it changes, so a server can log a
/// failing disk once rather than once per refused request.
public enum WriteAvailability: Sendable, Equatable {
    /// A transaction committed.
    case available
    /// Writes fail for a reason of the environment (``SQLiteError/isEnvironmental``): the disk is full, the
    /// file system read-only, another process holds the lock, the file cannot be opened.
    case unavailable(SQLiteError)
}

/// When a write last failed because the disk was full, shared between the writer thread (which notes it)
/// and whoever asks (a readiness check).
public final class DiskFullMemory: Sendable {
    private let lastFailure = Mutex<ContinuousClock.Instant?>(nil)

    public init() {}

    func note(at instant: ContinuousClock.Instant) {
        lastFailure.withLock { $0 = instant }
    }

    /// How long ago a write last failed with `SQLITE_FULL`, or nil when none has.
    public var sinceLastFailure: Duration? {
        lastFailure.withLock { $0 }.map { ContinuousClock.now - $0 }
    }
}

/// The writer thread's view of ``WriteAvailability``, reporting changes only: the first commit after a
/// failure, or a failure whose cause differs from the last one (result code and `errno`).
///
/// A full disk is not all or nothing: a write that fits in pages SQLite already holds commits while a larger
/// one fails. So after `SQLITE_FULL` a commit says writes go through again only once no write has failed
/// for ``fullDiskSettling``; until then the server keeps saying the disk is full.
/// Lives on the writer thread only, so it is not `Sendable`.
final class WriteAvailabilityTracker {
    static let fullDiskSettling: Duration = .seconds(10)

    private let observer: (@Sendable (WriteAvailability) -> Void)?
    private let diskFull: DiskFullMemory
    private var last: WriteAvailability = .available

    init(observer: (@Sendable (WriteAvailability) -> Void)?, diskFull: DiskFullMemory = DiskFullMemory()) {
        self.observer = observer
        self.diskFull = diskFull
    }

    func noteCommitted() {
        guard last != .available else { return }
        if case .unavailable(let error) = last, error.primaryCode == SQLITE_FULL,
            let since = diskFull.sinceLastFailure, since < Self.fullDiskSettling
        {
            return
        }
        last = .available
        observer?(.available)
    }

    /// Notes a failed write; errors that are not the environment's (a constraint, a caller's own error) say
    /// nothing about availability and are ignored.
    func noteFailure(_ error: any Error) {
        guard let error = error as? SQLiteError, error.isEnvironmental else { return }
        if error.primaryCode == SQLITE_FULL { diskFull.note(at: .now) }
        if case .unavailable(let previous) = last, previous.extendedCode == error.extendedCode,
            previous.systemErrno == error.systemErrno
        {
            return
        }
        last = .unavailable(error)
        observer?(.unavailable(error))
    }
}

@available(*, unavailable)
extension WriteAvailabilityTracker: Sendable {}
