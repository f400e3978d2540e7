import Foundation
import Glibc
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Behavioural smoke tests of the built `klaxon` binary, run as a user would run it.
@Suite struct KlaxonBinaryTests {
    /// The `klaxon` executable beside the test bundle (`swift build --build-tests` builds both).
    static let executable: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("klaxon")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/klaxon")
    }()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // A command that should have refused to start but serves instead must not hang the suite.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDatabase() throws -> String {
        let directory = cliTestFolders.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("klaxon.db").path
    }

    /// A new database, made as an operator would before using `klaxon token` (which refuses a missing one).
    static func migratedDatabase() throws -> String {
        let db = try temporaryDatabase()
        let migrated = try run(["migrate", "--db", db])
        #expect(migrated.status == 0, "migrate failed: \(migrated.stderr)")
        return db
    }

    /// A port nobody listens on right now: bind port 0, read what the kernel chose, release it.
    static func freePort() throws -> Int {
        let (fd, port) = try boundSocket()
        close(fd)
        return port
    }

    /// A socket bound to a free port on 127.0.0.1 (listening when `listens`), and that port; the caller closes it.
    static func boundSocket(listens: Bool = false) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound, !listens || listen(fd, 1) == 0 else {
            close(fd)
            throw CocoaError(.fileNoSuchFile)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test func helpNamesEverySubcommand() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        for command in ["serve", "migrate", "backup", "token", "healthcheck", "postmortem"] {
            #expect(help.stdout.contains(command), "\(command) missing from --help")
        }
    }

    @Test func serveRefusesAnInvalidIngestionRateLimit() throws {
        let db = try Self.temporaryDatabase()
        let negative = try Self.run(["serve", "--db", db, "--port", "0", "--ingest-rate-limit", "-1"])
        #expect(negative.status != 0)
        #expect(negative.stderr.contains("--ingest-rate-limit"))
        let noBurst = try Self.run(["serve", "--db", db, "--port", "0", "--ingest-burst", "0"])
        #expect(noBurst.status != 0)
        #expect(noBurst.stderr.contains("--ingest-burst"))
        let fromEnvironment = try Self.run(
            ["serve", "--db", db, "--port", "0"], environment: ["KLAXON_INGEST_RATE_LIMIT": "lots"])
        #expect(fromEnvironment.status != 0)
        #expect(fromEnvironment.stderr.contains("KLAXON_INGEST_RATE_LIMIT"))
    }

    @Test func serveRefusesTyposBeforeCreatingTheDatabaseOrAToken() throws {
        let cases: [(arguments: [String], environment: [String: String], message: String)] = [
            (["--port", "99999"], [:], "--port must be 0 (any free port) to 65535"),
            ([], ["KLAXON_PORT": "70000"], "the port must be 0 (any free port) to 65535, got 70000"),
            (["--port", "0", "--host", "127.0.0.1:8080"], [:], "cannot listen on 127.0.0.1:8080"),
            (["--port", "0"], ["KLAXON_HOLD_DELIVERIES": "ture"], "KLAXON_HOLD_DELIVERIES must be 1, true, yes or on"),
            (["--port", "0"], ["KLAXON_METRICS_PUBLIC": "maybe"], "KLAXON_METRICS_PUBLIC must be"),
            (["--port", "0"], ["KLAXON_BUSY_TIMEOUT_MS": "-5"], "KLAXON_BUSY_TIMEOUT_MS must be 0 or more"),
            (["--port", "0", "--event-loops", "0"], [:], "--event-loops must be at least 1"),
            (["--port", "0"], ["KLAXON_ADMIN_TOKEN": "short"], "KLAXON_ADMIN_TOKEN must be at least 32 characters"),
            (
                ["--port", "0"], ["KLAXON_ADMIN_TOKEN": "a token with spaces that is long enough\n"],
                "KLAXON_ADMIN_TOKEN must be printable ASCII without spaces"
            ),
        ]
        for (arguments, environment, message) in cases {
            let db = try Self.temporaryDatabase()
            let refused = try Self.run(["serve", "--db", db] + arguments, environment: environment)
            #expect(refused.status != 0, "\(arguments) \(environment)")
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: db), "\(arguments) \(environment) created the database")
            #expect(!refused.stdout.contains("klx_"), "no admin token is made for a refused start")
        }
    }

    @Test func healthcheckRefusesAPortOrTimeoutItCannotUse() throws {
        let cases: [(arguments: [String], environment: [String: String], message: String)] = [
            ([], ["KLAXON_PORT": "xyz"], "KLAXON_PORT must be an integer"),
            (["--port", "70000"], [:], "--port must be 1 to 65535"),
            (["--timeout", "0"], [:], "--timeout must be at least 1 second"),
        ]
        for (arguments, environment, message) in cases {
            let refused = try Self.run(["healthcheck"] + arguments, environment: environment)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
        let nobody = try Self.run(["healthcheck", "--port", String(try Self.freePort())])
        #expect(nobody.status == 1)
        #expect(nobody.stdout.contains("unhealthy: connect to 127.0.0.1"), "\(nobody.stdout)")
    }

    @Test func theFirstAdminTokenIsShownEvenWhenThePortIsTaken() throws {
        let (occupier, port) = try Self.boundSocket(listens: true)
        defer { close(occupier) }
        let db = try Self.temporaryDatabase()
        let failed = try Self.run(["serve", "--db", db, "--port", String(port), "--public", "/nonexistent"])
        #expect(failed.status != 0)
        #expect(failed.stdout.contains("klx_"), "the stored token was shown once: \(failed.stdout)")
        let listed = try Self.run(["token", "list", "--db", db])
        #expect(listed.stdout.contains("admin"), "\(listed.stdout)")
    }

    @Test func serveRefusesADatabasePathThatIsNoDatabase() throws {
        let folder = URL(fileURLWithPath: try Self.temporaryDatabase()).deletingLastPathComponent()
        let notes = folder.appendingPathComponent("notes.txt").path
        #expect(FileManager.default.createFile(atPath: notes, contents: Data("on-call notes\n".utf8)))
        let text = try Self.run(["serve", "--db", notes, "--port", "0"])
        #expect(text.status != 0)
        #expect(text.stderr.contains("is not a SQLite database"), "\(text.stderr)")
        #expect(FileManager.default.contents(atPath: notes) == Data("on-call notes\n".utf8))
        let directory = try Self.run(["serve", "--db", folder.path, "--port", "0"])
        #expect(directory.status != 0)
        #expect(directory.stderr.contains("is a directory"), "\(directory.stderr)")
    }

    @Test func serveRefusesANegativeAlertRetention() throws {
        let db = try Self.temporaryDatabase()
        let negative = try Self.run(["serve", "--db", db, "--port", "0", "--retain-alert-payloads-days", "-1"])
        #expect(negative.status != 0)
        #expect(negative.stderr.contains("--retain-alert-payloads-days"))
        for value in ["-3", "a week"] {
            let fromEnvironment = try Self.run(
                ["serve", "--db", db, "--port", "0"], environment: ["KLAXON_RETAIN_ALERT_PAYLOADS_DAYS": value])
            #expect(fromEnvironment.status != 0)
            #expect(fromEnvironment.stderr.contains("KLAXON_RETAIN_ALERT_PAYLOADS_DAYS"), "\(fromEnvironment.stderr)")
        }
    }

    @Test func theSecretsKeyFileIsNamedByBackupAndAWrongOrMissingOneStopsTheStart() throws {
        let db = try Self.migratedDatabase()
        #expect(try Self.run(["token", "create", "--db", db, "--name", "ops-bot", "--scope", "write"]).status == 0)
        #expect(FileManager.default.contents(atPath: db + ".key")?.count == 32)
        let backup = try Self.run(["backup", "--db", db, db + ".backup"])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("keep the secrets key file \(db).key with this backup"), "\(backup.stdout)")

        let wrongKey = db + ".other-key"
        #expect(FileManager.default.createFile(atPath: wrongKey, contents: Data(repeating: 1, count: 32)))
        let wrong = try Self.run(["serve", "--db", db, "--port", "0", "--secrets-key-file", wrongKey])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("secrets key file \(wrongKey) does not open"), "\(wrong.stderr)")
        let fromEnvironment = try Self.run(
            ["serve", "--db", db, "--port", "0"], environment: ["KLAXON_SECRETS_KEY_FILE": wrongKey])
        #expect(fromEnvironment.status != 0)
        #expect(fromEnvironment.stderr.contains(wrongKey), "\(fromEnvironment.stderr)")

        try FileManager.default.removeItem(atPath: db + ".key")
        let missing = try Self.run(["token", "list", "--db", db])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("secrets key file \(db).key is missing"), "\(missing.stderr)")
    }

    @Test func aNewDatabaseIsReadableByItsOwnerOnly() throws {
        let db = try Self.migratedDatabase()
        #expect(try Self.run(["token", "create", "--db", db, "--name", "ops", "--scope", "read"]).status == 0)
        for file in [db, db + ".key"] {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file): \(String(mode ?? 0, radix: 8))")
        }
    }

    @Test func tokenCommandsRefuseADatabaseThatDoesNotExistAndCreateNone() throws {
        let db = try Self.temporaryDatabase()
        for arguments in [["create", "--name", "rescue", "--scope", "admin"], ["list"], ["revoke", "admin"]] {
            let refused = try Self.run(["token"] + arguments + ["--db", db])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("no database at \(db)"), "\(refused.stderr)")
            #expect(!refused.stdout.contains("klx_"))
        }
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(!FileManager.default.fileExists(atPath: db + ".key"))
    }

    @Test func revokingTheLastAdminTokenOnTheServerWarnsHowToGetBackIn() throws {
        let db = try Self.migratedDatabase()
        #expect(try Self.run(["token", "create", "--db", db, "--name", "root", "--scope", "admin"]).status == 0)
        let revoked = try Self.run(["token", "revoke", "--db", db, "root"])
        #expect(revoked.status == 0)
        #expect(revoked.stderr.contains("no active admin token is left"), "\(revoked.stderr)")
    }

    @Test func whenEveryAdminTokenIsRevokedTheConfiguredOneIsInstalledAtStart() async throws {
        let db = try Self.migratedDatabase()
        #expect(try Self.run(["token", "create", "--db", db, "--name", "admin", "--scope", "admin"]).status == 0)
        #expect(try Self.run(["token", "revoke", "--db", db, "admin"]).status == 0)
        let rescue = "klx_rescue-token-0123456789abcdefghijklmn"
        let server = try RunningServer(["--db", db], environment: ["KLAXON_ADMIN_TOKEN": rescue])
        #expect(try await server.waitUntilHealthy())
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)/api/v1/tokens/current")!)
        request.setValue("Bearer \(rescue)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let current = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(current?["name"] as? String == "admin-2")
        #expect(current?["scope"] as? String == "admin")
        server.stop()

        // That value leaks and is revoked; a restart with the variable still set must start, and install nothing.
        #expect(try Self.run(["token", "revoke", "--db", db, "admin-2"]).status == 0)
        let again = try RunningServer(["--db", db], environment: ["KLAXON_ADMIN_TOKEN": rescue])
        #expect(try await again.waitUntilHealthy(), "a revoked KLAXON_ADMIN_TOKEN value must not stop the start")
        let logged = again.stop()
        #expect(
            logged.contains("KLAXON_ADMIN_TOKEN is not installed: its value is token 'admin-2' (revoked)"), "\(logged)")
        let listed = try Self.run(["token", "list", "--db", db])
        #expect(!listed.stdout.contains("admin-3"), "\(listed.stdout)")
    }

    @Test func aDatabaseThatNeverHadAnAdminTokenGetsOneAtItsFirstServe() throws {
        let db = try Self.migratedDatabase()
        #expect(try Self.run(["token", "create", "--db", db, "--name", "pipeline", "--scope", "ingest"]).status == 0)
        let (occupier, port) = try Self.boundSocket(listens: true)
        defer { close(occupier) }
        // The port is taken, so serve stops after its start-up; the token is shown all the same.
        let served = try Self.run(["serve", "--db", db, "--port", String(port), "--public", "/nonexistent"])
        #expect(served.stdout.contains("Klaxon created the first admin token"), "\(served.stdout)")
        let listed = try Self.run(["token", "list", "--db", db])
        #expect(listed.stdout.contains("admin\tadmin\t"), "\(listed.stdout)")
    }

    @Test func healthcheckReadySaysWhyTheServerIsNotReady() async throws {
        let missingFolder = FileManager.default.temporaryDirectory.appendingPathComponent("klaxon-none-\(UUID())")
        let server = try RunningServer(["--db", missingFolder.appendingPathComponent("klaxon.db").path])
        #expect(try await server.waitUntilHealthy(), "the process answers /healthz while it waits for its database")
        let ready = try Self.run(["healthcheck", "--port", String(server.port), "--ready"])
        #expect(ready.status == 1)
        #expect(ready.stdout.contains("unhealthy: /readyz answered 503: "), "\(ready.stdout)")
        #expect(ready.stdout.contains("database"), "\(ready.stdout)")
        server.stop()
    }

    @Test func tokensAreCreatedListedAndRevokedFromTheCommandLine() throws {
        let db = try Self.migratedDatabase()
        let created = try Self.run(["token", "create", "--db", db, "--name", "ops-bot", "--scope", "write"])
        #expect(created.status == 0, "\(created.stderr)")
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("klx_"))

        let listed = try Self.run(["token", "list", "--db", db])
        #expect(listed.stdout.hasPrefix("NAME\tSCOPE\tUSER\t"))
        #expect(listed.stdout.contains("ops-bot\twrite\t-\t"))  // not bound to a user
        #expect(!listed.stdout.contains(secret))

        let badScope = try Self.run(["token", "create", "--db", db, "--name", "x", "--scope", "root"])
        #expect(badScope.status != 0)
        #expect(badScope.stderr.contains("scope"))

        #expect(try Self.run(["token", "revoke", "--db", db, "ops-bot"]).status == 0)
        #expect(try Self.run(["token", "revoke", "--db", db, "ops-bot"]).status != 0)
        // The secret is nowhere in the database file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(bytes.range(of: Data(secret.utf8)) == nil)
    }

    @Test func serveCreatesAnAdminTokenOnFirstStartAndExitsZeroOnSIGTERM() async throws {
        let db = try Self.temporaryDatabase()
        let port = try Self.freePort()
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--port", String(port), "--db", db, "--public", "/nonexistent"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Wait (bounded) until /healthz answers.
        var healthy = false
        for _ in 0..<100 where !healthy {
            try await Task.sleep(for: .milliseconds(100))
            let check = try Self.run(["healthcheck", "--port", String(port), "--timeout", "1"])
            healthy = check.status == 0
        }
        #expect(healthy)
        let ready = try Self.run(["healthcheck", "--port", String(port), "--ready"])
        #expect(ready.status == 0 && ready.stdout.contains("ready"), "\(ready.stdout)")
        // The token must be readable while the server runs (stdout is a pipe here, as under Docker or systemd).
        let firstOutput = Mutex("")
        let reader = Thread {
            let data = out.fileHandleForReading.availableData
            firstOutput.withLock { $0 = String(decoding: data, as: UTF8.self) }
        }
        reader.start()
        for _ in 0..<50 where firstOutput.withLock({ $0.isEmpty }) {
            try await Task.sleep(for: .milliseconds(100))
        }
        let printedWhileRunning = firstOutput.withLock { $0 }
        #expect(printedWhileRunning.contains("klx_"), "the admin token was not shown while the server ran")
        process.terminate()  // SIGTERM
        let logged = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(logged.contains("SIGTERM received: accepting no new connections"), "\(logged)")
        #expect(logged.contains("klaxon stopped"), "\(logged)")
        let printed =
            printedWhileRunning + String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("Authorization: Bearer"))
    }

    @Test func accessLogNamesRoutesAndNeverAnIntegrationKey() async throws {
        let db = try Self.temporaryDatabase()
        let admin = "klx_cli-test-admin-token-0123456789abcdefghij"
        let server = try RunningServer(["--db", db, "--access-log"], environment: ["KLAXON_ADMIN_TOKEN": admin])
        #expect(try await server.waitUntilHealthy())
        let port = server.port

        func post(_ path: String, _ body: String, token: String?, requestID: String? = nil) async throws -> (
            Int, Data, String?
        ) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = "POST"
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            if let requestID { request.setValue(requestID, forHTTPHeaderField: "X-Request-Id") }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as? HTTPURLResponse
            return (http?.statusCode ?? 0, data, http?.value(forHTTPHeaderField: "X-Request-Id"))
        }
        let (created, serviceJSON, madeUpID) = try await post(
            "/api/v1/services", #"{"name": "checkout"}"#, token: admin)
        #expect(created == 201)
        let serviceID = try #require(madeUpID)
        let service = try JSONSerialization.jsonObject(with: serviceJSON) as? [String: Any]
        let key = try #require(service?["integration_key"] as? String)
        let (status, _, echoedID) = try await post(
            "/api/v1/integrations/generic/\(key)", #"{"summary": "Disk almost full", "dedup_key": "disk"}"#, token: nil,
            requestID: "alertmanager-retry-7")
        #expect(status == 200)
        #expect(echoedID == "alertmanager-retry-7")
        // The same key where no route matches: the wrong method (405) and a trailing slash (the static files).
        var get = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/integrations/alertmanager/\(key)")!)
        get.httpMethod = "GET"
        let (_, getAnswer) = try await URLSession.shared.data(for: get)
        #expect((getAnswer as? HTTPURLResponse)?.statusCode == 405)
        let (slashed, _, _) = try await post(
            "/api/v1/integrations/generic/\(key)/", #"{"summary": "x"}"#, token: nil)
        #expect(slashed == 404 || slashed == 405)

        let log = server.stop()
        #expect(log.contains("POST /api/v1/integrations/generic/:integration_key 200"), "\(log)")
        #expect(log.contains("ms id=alertmanager-retry-7"), "the access log names the sender's request id: \(log)")
        #expect(log.contains("POST /api/v1/services 201"))
        #expect(log.contains("ms id=\(serviceID)"), "and the one the server made up: \(log)")
        #expect(!log.contains(key))
        #expect(!log.contains(admin))
    }
}

/// One folder per test process holds every CLI test's database folder; it is removed when the process exits,
/// so repeated runs do not pile folders up in /tmp (each test leaves its database for a failure's inspection
/// only while the suite runs).
let cliTestFolders: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "klaxon-cli-\(getpid())-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    cliTestFoldersPath.withLock { $0 = folder.path }
    atexit {
        if let path = cliTestFoldersPath.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
    return folder
}()

private let cliTestFoldersPath = Mutex<String?>(nil)
