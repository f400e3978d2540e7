import SQLiteCore

/// What `klaxon backup` needs to know of a Klaxon database beyond SQLite: how to tell an older copy of the
/// same database from any other file, and whether the secrets key file goes with the copy.
public enum KlaxonBackup {
    /// One text per database, the same in all its copies: the secrets key check, sealed once with a random
    /// nonce when the database is first opened. Another Klaxon database, or another application's, differs.
    public static let identityQuery = "SELECT sealed FROM secrets_key_check WHERE id = 1"

    /// Why the key file at `keyPath` cannot open the secrets of the database copy at `path` (missing, not a
    /// key, another database's), or nil when it can, or when the copy holds no sealed secret yet.
    public static func secretsKeyProblem(ofCopy path: String, keyPath: String) -> String? {
        let check: String?
        do {
            let copy = try Connection(path: path, configuration: .init(accessMode: .immutable))
            defer { copy.close() }
            check = try copy.queryValue(identityQuery, as: String.self)
        } catch {
            return "cannot read the copy at \(path): \(error)"
        }
        guard let check else { return nil }
        do {
            let sealer = SecretSealer(keyBytes: try SecretsKeyFile.load(path: keyPath, mayCreate: false))
            guard (try? sealer.open(check, column: "secrets_key_check.sealed")) == Array(SecretsAtRest.checkText.utf8)
            else {
                return SecretsKeyError(path: keyPath, problem: .wrongKey).description
            }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
