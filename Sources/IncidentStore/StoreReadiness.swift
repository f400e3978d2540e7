/// What `GET /readyz` needs to know about the store: can it take a durable write right now, and is the
/// schema up to date? Ready only when both hold.
public struct StoreReadiness: Hashable, Sendable {
    /// A durable write (one heartbeat row, committed) succeeded just now.
    public var isWritable: Bool
    /// Embedded migrations not yet applied to the file (by file name); empty when the schema is current.
    public var pendingMigrations: [String]
    /// Why the store is not ready, one short line per cause (`disk full`, `2 pending migrations`, ...);
    /// empty when ready.
    public var problems: [String]

    public init(isWritable: Bool, pendingMigrations: [String], problems: [String]) {
        self.isWritable = isWritable
        self.pendingMigrations = pendingMigrations
        self.problems = problems
    }

    /// True when writable and fully migrated.
    public var isReady: Bool { isWritable && pendingMigrations.isEmpty && problems.isEmpty }
}
