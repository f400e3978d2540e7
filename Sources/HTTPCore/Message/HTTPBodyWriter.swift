/// Writes the pieces of a streamed response body to its connection, from any task.
public struct HTTPBodyWriter: Sendable {
    let connection: ConnectionHandle

    /// Queues `bytes` on the connection. Suspends while the connection's unsent output is above the
    /// server's high-water mark (the client reads slower than we write), and throws
    /// `HTTPBodyWriterError.connectionClosed` once the client has gone away or the server shut down.
    public func write(_ bytes: [UInt8]) async throws(HTTPBodyWriterError) {
        guard !bytes.isEmpty else { return }  // an empty chunk would end a chunked body
        let outcome: Bool = await withCheckedContinuation { continuation in
            connection.send(.streamChunk(connection.id, bytes, continuation))
        }
        if !outcome { throw .connectionClosed }
    }

    /// Queues UTF-8 text; see `write(_:)`.
    public func write(_ text: String) async throws(HTTPBodyWriterError) {
        try await write(Array(text.utf8))
    }
}

/// Why a streamed body could not be written.
public enum HTTPBodyWriterError: Error, Hashable, Sendable {
    /// The client closed the connection, it timed out, or the server shut down.
    case connectionClosed
}
