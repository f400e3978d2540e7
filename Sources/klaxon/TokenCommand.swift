import ArgumentParser
import Foundation
import IncidentAPI
import IncidentDomain
import IncidentStore

/// `klaxon token create|list|revoke`: manage API tokens on the database directly, e.g. to get back in
/// when the admin token is lost. Safe while the server runs (SQLite serialises the writes).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke API tokens.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print its secret (shown only now).")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Unique name; it names the actor on the timeline (lowercase letters, digits, - and _).")
        var name: String

        @Option(help: "read, write, admin or ingest.")
        var scope: String

        @Option(help: "Handle of the user the token belongs to; the timeline then names them (optional).")
        var user: String?

        func run() async throws {
            try await withStore(database) { store in
                var owner: User?
                if let user {
                    guard let reference = OnCallReference(parsing: user) else {
                        throw IncidentError.validation([FieldError(field: "user", message: "must be a user handle")])
                    }
                    owner = try await store.users.user(reference)
                }
                let issued = try await TokenIssuer(tokens: store.tokens).issue(name: name, scope: scope, at: Date())
                if let owner { try await store.users.assignToken(issued.token.id, to: .id(owner.id.rawValue)) }
                print(issued.secret)
                FileHandle.standardError.write(
                    Data(
                        "created token '\(issued.token.name)' with scope \(issued.token.scope); the secret above is shown only now\n"
                            .utf8))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                print("NAME\tSCOPE\tUSER\tCREATED\tLAST USED\tREVOKED")
                for token in try await store.tokens.list() {
                    let fields = [
                        token.name, token.scope.rawValue, token.user ?? "-", Timestamp.format(token.createdAt),
                        token.lastUsedAt.map(Timestamp.format) ?? "-", token.revokedAt.map(Timestamp.format) ?? "-",
                    ]
                    print(fields.joined(separator: "\t"))
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token by name; a running server refuses it within 2 s (its token cache).",
            discussion:
                "Unlike DELETE /api/v1/tokens/{name}, this may revoke the last admin token: run 'klaxon token create --scope admin' to get back in."
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The token's name.")
        var name: String

        func run() async throws {
            try await withStore(database) { store in
                let revoked = try await store.tokens.revoke(name: name, at: Date(), keepingAnAdmin: false)
                print("revoked token '\(name)'")
                if revoked.scope == .admin,
                    try await !store.tokens.list().contains(where: { $0.isActive && $0.scope == .admin })
                {
                    FileHandle.standardError.write(
                        Data(
                            ("warning: no active admin token is left; create one with 'klaxon token create --scope admin "
                                + "--name NAME' (or start klaxon serve with KLAXON_ADMIN_TOKEN set)\n").utf8))
                }
            }
        }
    }
}

/// Opens the store of an existing database (applying pending migrations), runs `body`, closes it; errors
/// become a message and exit 1.
func withStore(_ database: DatabaseOptions, _ body: (KlaxonStore) async throws -> Void) async throws {
    // A mistyped --db must not create an empty database whose new token then works nowhere.
    guard FileManager.default.fileExists(atPath: database.path) else {
        FileHandle.standardError.write(
            Data(
                ("error: no database at \(database.path) ('klaxon serve' creates it; check --db or KLAXON_DB)\n")
                    .utf8))
        throw ExitCode.failure
    }
    let store: KlaxonStore
    do {
        store = try await KlaxonStore.open(path: database.path, secretsKeyPath: database.secretsKeyPath)
    } catch {
        FileHandle.standardError.write(Data("error: cannot open \(database.path): \(error)\n".utf8))
        throw ExitCode.failure
    }
    do {
        try await body(store)
        await store.close()
    } catch let error as IncidentError {
        await store.close()
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.failure
    } catch {
        await store.close()
        throw error
    }
}
