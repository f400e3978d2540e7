/// Why migrations cannot be applied; each case names the file concerned so an operator can act.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file in the migrations folder is not named `NNNN_name.sql`.
    case invalidFileName(String)
    /// Two files carry the same number.
    case duplicateVersion(version: Int, files: [String])
    /// Numbers must run 1, 2, 3 … without a hole; `missing` is the first absent one.
    case gap(missing: Int, before: String)
    /// A file changed after it was applied: its checksum no longer matches the recorded one.
    case checksumMismatch(file: String, recorded: String, current: String)
    /// The database records a migration that no file provides (the database is newer than this binary,
    /// or a file was deleted).
    case appliedMigrationMissing(version: Int, name: String)
    /// Applying a file failed; the file's transaction was rolled back.
    case failed(file: String, reason: String)

    public var description: String {
        switch self {
        case .invalidFileName(let file):
            return "migration file \(file) is not named NNNN_name.sql"
        case .duplicateVersion(let version, let files):
            return "migration number \(version) is used by several files: \(files.joined(separator: ", "))"
        case .gap(let missing, let before):
            return "migration number \(missing) is missing (numbers must be consecutive), found \(before)"
        case .checksumMismatch(let file, let recorded, let current):
            return "migration \(file) was changed after it was applied "
                + "(recorded checksum \(recorded), file now \(current)); add a new migration instead"
        case .appliedMigrationMissing(let version, let name):
            return "the database has migration \(version) (\(name)) applied, but no such file exists; "
                + "is this binary older than the database?"
        case .failed(let file, let reason):
            return "migration \(file) failed and was rolled back: \(reason)"
        }
    }
}
