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
///
/// A full disk is not all or nothing: a write that fits in pages SQLite already holds commits while a larger
/// one fails. So after `SQLITE_FULL` the disk counts as full until `settling` has passed without such a
/// failure, whatever commits in between.
public final class DiskFullMemory: Sendable {
    private let lastFailure = Mutex<ContinuousClock.Instant?>(nil)
    let settling: Duration

    init(settling: Duration) {
        self.settling = settling
    }

    func note(at instant: ContinuousClock.Instant) {
        lastFailure.withLock { $0 = instant }
    }

    /// How long ago a write last failed with `SQLITE_FULL`, or nil when none has.
    public var sinceLastFailure: Duration? {
        lastFailure.withLock { $0 }.map { ContinuousClock.now - $0 }
    }

    /// How long ago a write failed with `SQLITE_FULL`, when that is less than `settling` ago.
    public var recentFailure: Duration? {
        guard let since = sinceLastFailure, since < settling else { return nil }
        return since
    }
}

/// The writer thread's view of ``WriteAvailability``, reporting changes only: the first commit after a
/// failure, or a failure whose cause differs from the last one (result code and `errno`). After a full disk,
/// a commit says writes go through again only once ``DiskFullMemory`` no longer counts it as full.
/// Lives on the writer thread only, so it is not `Sendable`.
final class WriteAvailabilityTracker {
    private let observer: (@Sendable (WriteAvailability) -> Void)?
    private let diskFull: DiskFullMemory
    private var last: WriteAvailability = .available

    init(
        observer: (@Sendable (WriteAvailability) -> Void)?,
        diskFull: DiskFullMemory = DiskFullMemory(settling: .seconds(10))
    ) {
        self.observer = observer
        self.diskFull = diskFull
    }

    func noteCommitted() {
        guard last != .available, diskFull.recentFailure == nil else { return }
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
