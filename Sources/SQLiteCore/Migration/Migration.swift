import Crypto

/// One schema migration: a numbered SQL script, applied once, in order, never edited after it landed.
public struct Migration: Sendable, Equatable {
    /// Its number, from 1, without gaps.
    public let version: Int
    /// Its name, the file name's part after the number (`initial` for `0001_initial.sql`).
    public let name: String
    /// The SQL script, exactly as in the file.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Parses a `NNNN_name.sql` file name; returns `nil` for any other name.
    public init?(fileName: String, sql: String) {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let version = Int(digits), version > 0, !name.isEmpty
        else { return nil }
        self.init(version: version, name: String(name), sql: sql)
    }

    /// The file name it comes from: the version padded to four digits, `_`, the name, `.sql`.
    public var fileName: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name + ".sql"
    }

    /// Lower-case hex SHA-256 of the script's UTF-8 text, recorded when applied and compared on every start.
    public var checksum: String {
        SHA256.hash(data: Array(sql.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
