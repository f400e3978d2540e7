/// A caller's closure waiting for a pool thread, with the continuation that resumes the caller.
///
/// `@unchecked Sendable` is safe: the request is created by the caller and handed to a pool thread
/// through ``BlockingQueue``'s lock; from then on only that one thread touches `result`, and the
/// continuation (itself `Sendable`) is resumed exactly once, by `complete` or `fail`.
final class PoolRequest<Value: Sendable>: PoolJob, @unchecked Sendable {
    let isTransactional: Bool
    private let body: @Sendable (Connection) throws -> Value
    private let continuation: CheckedContinuation<Value, any Error>
    private var result: Value?

    init(
        isTransactional: Bool,
        body: @escaping @Sendable (Connection) throws -> Value,
        continuation: CheckedContinuation<Value, any Error>
    ) {
        self.isTransactional = isTransactional
        self.body = body
        self.continuation = continuation
    }

    func perform(on connection: Connection) throws {
        result = try body(connection)
    }

    func complete() {
        guard let result else {
            // perform(on:) did not succeed; callers only complete jobs that did.
            continuation.resume(throwing: SQLiteUsageError.closed)
            return
        }
        continuation.resume(returning: result)
    }

    func fail(_ error: any Error) {
        result = nil
        continuation.resume(throwing: error)
    }
}
