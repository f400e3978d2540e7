import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a backup was refused before anything was written, or why its finished copy could not take its place.
///
/// The descriptions are written for the person who typed the path: they name it and say what to do.
public enum BackupDestinationError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyPath
    case endsWithSlash(String)
    case isDirectory(String)
    case brokenLink(String)
    /// A `-wal` or `-journal` beside the destination, which SQLite would read into the new copy.
    case leftoverLog(String)
    case notARegularFile(String)
    /// Something other than an older backup is there (a key file, a log, a document): never overwritten.
    case notADatabase(String)
    case isTheDatabase(String)
    /// A SQLite database that is not an older copy of this one (another application's, another server's).
    case anotherDatabase(String, database: String)
    case isTheDatabaseCompanion(String, database: String)
    case folderMissing(String)
    case folderUnwritable(String, reason: String)
    case cannotWrite(String, reason: String)
    case cannotReplace(String, reason: String)

    public var description: String {
        switch self {
        case .emptyPath:
            return "the backup destination is empty; give a file path such as ./klaxon-backup.db"
        case .endsWithSlash(let path):
            return "\(path) ends with a slash; give a file path such as \(path)klaxon-backup.db"
        case .isDirectory(let path):
            return "\(path) is a directory; give a file path such as \(path)/klaxon-backup.db"
        case .brokenLink(let path):
            return "\(path) is a symbolic link to nothing; give the path of a file to write"
        case .leftoverLog(let log):
            return "\(log) is beside the destination: SQLite would read it into the new copy. It belongs to a "
                + "process that has (or had) the older backup open; once none has, remove it, or give another path"
        case .notARegularFile(let path):
            return "\(path) is not a regular file (a device, socket or pipe); give the path of a file to write"
        case .notADatabase(let path):
            return "\(path) exists and is not a SQLite database; a backup replaces only an older backup: "
                + "give another path"
        case .anotherDatabase(let path, let database):
            return "\(path) is a SQLite database but not a backup of \(database) (another application's file, or "
                + "another server's database); a backup replaces only an older backup of the same database: "
                + "give another path"
        case .isTheDatabase(let path):
            return "\(path) is the database itself; give another path for the copy"
        case .isTheDatabaseCompanion(let path, let database):
            return "\(path) belongs to the live database \(database) (its journal or shared memory); "
                + "give another path for the copy"
        case .folderMissing(let folder):
            return "the folder \(folder) does not exist; create it first"
        case .folderUnwritable(let folder, let reason):
            return "cannot write in the folder \(folder): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write the copy for \(path): \(reason)"
        case .cannotReplace(let path, let reason):
            return "the copy was made but could not take the place of \(path): \(reason)"
        }
    }
}

/// The checks and file operations around a backup's destination. Nothing here removes a directory: the
/// only removals are `unlink(2)` of this process's own partial file, and the older backup is replaced
/// by `rename(2)`, which never touches what a directory holds.
enum BackupDestination {
    /// The destination's path (its folder's real path and its name), after refusing anything a backup must
    /// not overwrite. Paths are resolved as the kernel does (symbolic links before `..`), so neither the
    /// source nor the destination can hide behind another spelling.
    static func checked(_ requested: String, source sourcePath: String) throws -> String {
        guard !requested.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw BackupDestinationError.emptyPath
        }
        if requested.hasSuffix("/") {
            var status = stat()
            if stat(requested, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR {
                throw BackupDestinationError.isDirectory(String(requested.dropLast()))
            }
            throw BackupDestinationError.endsWithSlash(requested)
        }
        let name = (requested as NSString).lastPathComponent
        if name == "." || name == ".." { throw BackupDestinationError.isDirectory(requested) }
        let folderAsGiven = (requested as NSString).deletingLastPathComponent
        guard let folder = realPath(folderAsGiven.isEmpty ? "." : folderAsGiven) else {
            throw BackupDestinationError.folderMissing(folderAsGiven.isEmpty ? "." : folderAsGiven)
        }
        let path = (folder == "/" ? "" : folder) + "/" + name

        var link = stat()
        if lstat(path, &link) == 0 {
            // A symbolic link is itself replaced by the copy; what it points to is checked like a file.
            var target = stat()
            if link.st_mode & S_IFMT == S_IFLNK {
                guard stat(path, &target) == 0 else { throw BackupDestinationError.brokenLink(path) }
            } else {
                target = link
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR: throw BackupDestinationError.isDirectory(path)
            case S_IFREG: break
            default: throw BackupDestinationError.notARegularFile(path)
            }
            try refuseTheSource(sourcePath, sameAs: target, destination: path)
            guard startsWithSQLiteHeader(path) else { throw BackupDestinationError.notADatabase(path) }
        } else if let source = realPath(sourcePath) {
            // Nothing there yet: it may still be the name of the source's own log, removed for the moment.
            for suffix in ["-wal", "-shm", "-journal"] where path == source + suffix {
                throw BackupDestinationError.isTheDatabaseCompanion(path, database: source)
            }
        }
        for suffix in ["-wal", "-journal"] {
            var log = stat()
            if lstat(path + suffix, &log) == 0 && log.st_size > 0 {
                throw BackupDestinationError.leftoverLog(path + suffix)
            }
        }

        var folderStat = stat()
        guard stat(folder, &folderStat) == 0, folderStat.st_mode & S_IFMT == S_IFDIR else {
            throw BackupDestinationError.folderMissing(folder)
        }
        guard access(folder, W_OK) == 0 else {
            throw BackupDestinationError.folderUnwritable(folder, reason: systemReason(errno))
        }
        return path
    }

    /// Refuses a destination that is the source database or one of its companion files, by device and inode.
    private static func refuseTheSource(_ sourcePath: String, sameAs target: stat, destination: String) throws {
        guard let source = realPath(sourcePath) else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            var status = stat()
            guard stat(source + suffix, &status) == 0, status.st_dev == target.st_dev, status.st_ino == target.st_ino
            else { continue }
            if suffix.isEmpty { throw BackupDestinationError.isTheDatabase(destination) }
            throw BackupDestinationError.isTheDatabaseCompanion(destination, database: source)
        }
    }

    /// `realpath(3)`: absolute, every symbolic link and `.`/`..` resolved; nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Removes this process's partial copy (and its rollback journal) when they are plain files.
    static func removePartial(_ path: String) {
        for candidate in [path, path + "-journal"] {
            var status = stat()
            if lstat(candidate, &status) == 0 && status.st_mode & S_IFMT == S_IFREG { unlink(candidate) }
        }
    }

    /// Puts the finished copy in place: same permission bits as the source, an atomic `rename(2)` over an
    /// older copy, and an `fsync` of the folder so the new name survives a power cut.
    static func replace(_ destination: String, with partial: String, permissionsOf source: String) throws {
        var sourceStat = stat()
        if stat(source, &sourceStat) == 0 { chmod(partial, sourceStat.st_mode & 0o777) }
        guard rename(partial, destination) == 0 else {
            throw BackupDestinationError.cannotReplace(destination, reason: systemReason(errno))
        }
        let folder = open((destination as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    static func systemReason(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }

    /// Whether the file starts with SQLite's header, as an older backup does.
    private static func startsWithSQLiteHeader(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }
}
