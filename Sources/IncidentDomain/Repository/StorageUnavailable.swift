/// What a repository throws when its storage cannot serve the call right now (disk full, database
/// read-only or locked by another process, I/O error): nothing was written, and the same call may succeed
/// later. The API answers 503 with `Retry-After`; alert senders retry.
public struct StorageUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    /// Short cause for logs and the problem's detail (`disk full`, `database is read-only`, ...).
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { "storage unavailable: \(reason)" }
}
