import IncidentDomain
import SQLiteCore

extension DatabasePool {
    /// `write` for repositories: one transaction (possibly group-committed with other callers; an error thrown
    /// by `body` rolls back only `body`'s work), errors translated.
    func repositoryWrite<Value: Sendable>(
        _ body: @escaping @Sendable (Connection) throws -> Value
    ) async throws -> Value {
        do {
            return try await write(body)
        } catch {
            throw StorageErrorTranslation.translate(error)
        }
    }

    /// `read` for repositories: one read transaction on a reader connection, errors translated.
    func repositoryRead<Value: Sendable>(
        _ body: @escaping @Sendable (Connection) throws -> Value
    ) async throws -> Value {
        do {
            return try await read(body)
        } catch {
            throw StorageErrorTranslation.translate(error)
        }
    }
}
