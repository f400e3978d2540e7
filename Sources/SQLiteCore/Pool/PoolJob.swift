/// A unit of work queued for one of the pool's threads, resumed exactly once.
protocol PoolJob: AnyObject, Sendable {
    /// Whether it must run inside the writer's transaction (and may share it with other callers).
    var isTransactional: Bool { get }
    /// Runs the caller's closure on `connection`; keeps its result for ``complete()``. Throws what the
    /// closure threw.
    func perform(on connection: Connection) throws
    /// Resumes the caller with the result kept by ``perform(on:)``.
    func complete()
    /// Resumes the caller with `error`, whatever ``perform(on:)`` kept.
    func fail(_ error: any Error)
}
