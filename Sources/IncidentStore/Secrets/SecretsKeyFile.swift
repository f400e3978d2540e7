import Foundation
import Glibc

/// The file holding the key that encrypts secrets at rest: 32 random bytes, mode 0600, beside the database
/// (`<db>.key`) unless configured elsewhere. A copy of the database without it reveals no secret; losing it
/// loses the secrets it sealed, so `open` refuses to start rather than read garbage.
public enum SecretsKeyFile {
    public static let keyByteCount = 32

    /// The default place: the database path with `.key` appended.
    public static func defaultPath(forDatabase databasePath: String) -> String {
        databasePath + ".key"
    }

    /// The key in the file at `path`. When the file does not exist: created with a new random key if
    /// `mayCreate` (the database holds no sealed secret yet), else ``SecretsKeyError/missing``.
    static func load(path: String, mayCreate: Bool) throws -> [UInt8] {
        if let bytes = FileManager.default.contents(atPath: path) {
            guard bytes.count == keyByteCount else {
                throw SecretsKeyError(path: path, problem: .malformed(byteCount: bytes.count))
            }
            return Array(bytes)
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SecretsKeyError(path: path, problem: .unreadable(reason: "permission denied or not a file"))
        }
        guard mayCreate else { throw SecretsKeyError(path: path, problem: .missing) }
        return try create(path: path)
    }

    /// Writes a new random key to a file that must not exist yet (`O_EXCL`), readable by its owner only
    /// from its first byte on, and flushed to disk before the database relies on it.
    private static func create(path: String) throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<keyByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SecretsKeyError(path: path, problem: .unreadable(reason: "cannot create: \(errnoText())"))
        }
        defer { close(descriptor) }
        let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == keyByteCount, fsync(descriptor) == 0 else {
            let reason = errnoText()
            unlink(path)
            throw SecretsKeyError(path: path, problem: .unreadable(reason: "cannot write: \(reason)"))
        }
        return key
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// Why the secrets key file cannot be used; says which file, so the operator knows what to restore.
public struct SecretsKeyError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        /// The database holds secrets sealed with a key, and this file is gone.
        case missing
        /// The file's key does not open the database's secrets (another database's key file).
        case wrongKey
        /// Not 32 bytes.
        case malformed(byteCount: Int)
        /// It exists but cannot be read, or cannot be created.
        case unreadable(reason: String)
    }

    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .missing:
            "secrets key file \(path) is missing, and the database holds secrets encrypted with it: restore the "
                + "file (or point --secrets-key-file / KLAXON_SECRETS_KEY_FILE at it)"
        case .wrongKey:
            "secrets key file \(path) does not open this database's secrets: it belongs to another database"
        case .malformed(let byteCount):
            "secrets key file \(path) holds \(byteCount) bytes, not a key of \(SecretsKeyFile.keyByteCount)"
        case .unreadable(let reason):
            "secrets key file \(path): \(reason)"
        }
    }
}
