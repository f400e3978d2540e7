import struct Foundation.Date

/// One migration as ``Migrator/status(of:)`` reports it.
public struct MigrationState: Sendable, Equatable {
    /// The migration.
    public let migration: Migration
    /// When it was applied, or `nil` while pending.
    public let appliedAt: Date?

    /// Whether it has been applied.
    public var isApplied: Bool { appliedAt != nil }
}
