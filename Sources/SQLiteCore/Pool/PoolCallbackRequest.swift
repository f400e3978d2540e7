/// A caller's closure waiting for a pool thread, whose outcome goes to a completion handler instead of a
/// suspended task (see ``DatabasePool/read(_:completion:)``).
///
/// `@unchecked Sendable` is safe for the same reason as ``PoolRequest``: created by the caller, handed over
/// through ``BlockingQueue``'s lock, and from then on touched by that one pool thread only, which calls the
/// completion exactly once.
final class PoolCallbackRequest<Value>: PoolJob, @unchecked Sendable {
    let isTransactional: Bool
    private let body: @Sendable (Connection) throws -> Value
    private let completion: @Sendable (Result<Value, any Error>) -> Void
    private var result: Value?

    init(
        isTransactional: Bool,
        body: @escaping @Sendable (Connection) throws -> Value,
        completion: @escaping @Sendable (Result<Value, any Error>) -> Void
    ) {
        self.isTransactional = isTransactional
        self.body = body
        self.completion = completion
    }

    func perform(on connection: Connection) throws {
        result = try body(connection)
    }

    func complete() {
        guard let result else {
            completion(.failure(SQLiteUsageError.closed))
            return
        }
        self.result = nil
        completion(.success(result))
    }

    func fail(_ error: any Error) {
        result = nil
        completion(.failure(error))
    }
}
