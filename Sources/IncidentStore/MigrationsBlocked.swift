/// The database cannot be opened for service: migrations are pending (or their state cannot even be read)
/// and the file takes no writes to apply them. A server waits and tries again rather than exiting.
public struct MigrationsBlocked: Error, Sendable, CustomStringConvertible {
    /// The pending migrations' file names; nil when the file could not be read at all.
    public let pending: [String]?
    /// Why nothing could be written (or read).
    public let cause: any Error

    public var description: String {
        let what =
            pending.map { "\($0.count) pending migration(s) (\($0.joined(separator: ", "))) cannot be applied" }
            ?? "the database cannot be opened"
        return "\(what): \(cause)"
    }
}
