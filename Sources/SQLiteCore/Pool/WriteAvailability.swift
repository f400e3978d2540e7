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

/// The writer thread's view of ``WriteAvailability``, reporting changes only: the first commit after a
/// failure, or a failure whose cause differs from the last one (result code and `errno`).
/// Lives on the writer thread only, so it is not `Sendable`.
final class WriteAvailabilityTracker {
    private let observer: (@Sendable (WriteAvailability) -> Void)?
    private var last: WriteAvailability = .available

    init(observer: (@Sendable (WriteAvailability) -> Void)?) {
        self.observer = observer
    }

    func noteCommitted() {
        guard last != .available else { return }
        last = .available
        observer?(.available)
    }

    /// Notes a failed write; errors that are not the environment's (a constraint, a caller's own error) say
    /// nothing about availability and are ignored.
    func noteFailure(_ error: any Error) {
        guard let error = error as? SQLiteError, error.isEnvironmental else { return }
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
