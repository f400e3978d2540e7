/// What a backup produced and whether the copy passed `PRAGMA integrity_check`.
public struct BackupResult: Sendable, Equatable {
    /// Where the copy is: the requested path when intact, otherwise the temporary file kept for inspection.
    public let path: String
    /// Pages copied.
    public let pageCount: Int
    /// The lines `PRAGMA integrity_check` returned on the copy (`["ok"]` when sound).
    public let integrityCheck: [String]

    /// Whether the copy is sound.
    public var isIntact: Bool { integrityCheck == ["ok"] }
}
