import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `klaxon postmortem ID` and `serve --postmortem-template`, run as a user would run them.
@Suite struct PostmortemCommandTests {
    static let adminToken = "klx_cli-postmortem-admin-token-0123456789abcdef"

    /// Runs `serve` on `db` until `body` returns, then stops it with SIGTERM.
    static func whileServing(db: String, _ body: (Int) async throws -> Void) async throws {
        let server = try RunningServer(["--db", db], environment: ["KLAXON_ADMIN_TOKEN": adminToken])
        try #require(try await server.waitUntilHealthy())
        try await body(server.port)
        server.stop()
    }

    static func send(_ method: String, _ path: String, port: Int, json: [String: Any]) async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.setValue("Bearer \(adminToken)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test func postmortemPrintsTheDraftFromTheDatabaseInEachFormat() async throws {
        let db = try KlaxonBinaryTests.temporaryDatabase()
        try await Self.whileServing(db: db) { port in
            let opened = try await Self.send(
                "POST", "/api/v1/incidents", port: port, json: ["title": "Disk full on db-1"])
            #expect(opened == 201)
            let written = try await Self.send(
                "PUT", "/api/v1/incidents/1/postmortem/sections/trigger", port: port,
                json: ["text": "Nightly export wrote to the data disk."])
            #expect(written == 200)
        }
        let markdown = try KlaxonBinaryTests.run(["postmortem", "1", "--db", db])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Postmortem: Disk full on db-1\n"))
        #expect(markdown.stdout.contains("## Trigger\n\nNightly export wrote to the data disk.\n"))
        #expect(markdown.stdout.contains("no SLO declared for this service"))

        let html = try KlaxonBinaryTests.run(["postmortem", "1", "--db", db, "--format", "html"])
        #expect(html.stdout.contains("<h1>Postmortem: Disk full on db-1</h1>"))
        let json = try KlaxonBinaryTests.run(["postmortem", "1", "--db", db, "--format", "json"])
        let fields = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(fields?["title"] as? String == "Disk full on db-1")

        let custom = FileManager.default.temporaryDirectory.appendingPathComponent("pm-\(UUID().uuidString).mustache")
        try Data("{{incident.id}}: {{title}} ({{status}})\n".utf8).write(to: custom)
        let own = try KlaxonBinaryTests.run(["postmortem", "1", "--db", db, "--postmortem-template", custom.path])
        #expect(own.stdout == "1: Disk full on db-1 (triggered)\n")

        let missing = try KlaxonBinaryTests.run(["postmortem", "2", "--db", db])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("incident 2 not found"))
        #expect(try KlaxonBinaryTests.run(["postmortem", "1", "--db", db, "--format", "pdf"]).status != 0)
    }

    @Test func serveRefusesATemplateItCannotReadOrCompile() throws {
        let db = try KlaxonBinaryTests.temporaryDatabase()
        let unreadable = try KlaxonBinaryTests.run(
            ["serve", "--db", db, "--port", "0", "--postmortem-template", "/nonexistent/pm.mustache"])
        #expect(unreadable.status != 0)
        #expect(unreadable.stderr.contains("cannot read the postmortem template /nonexistent/pm.mustache"))

        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("pm-\(UUID().uuidString).mustache")
        try Data("{{#timeline}} never closed".utf8).write(to: broken)
        let refused = try KlaxonBinaryTests.run(
            ["serve", "--db", db, "--port", "0"], environment: ["KLAXON_POSTMORTEM_TEMPLATE": broken.path])
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains(
                "the postmortem template \(broken.path) does not compile: line 1, column 27: a section is never "
                    + "closed"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("ParserError"), "no raw parser dump: \(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "refused before the database was created")

        try Data("# Postmortem\n\n{{title}\n".utf8).write(to: broken)
        let unfinished = try KlaxonBinaryTests.run(
            ["postmortem", "1", "--db", db, "--postmortem-template", broken.path])
        #expect(unfinished.status != 0)
        #expect(unfinished.stderr.contains("line 3"), "\(unfinished.stderr)")
        #expect(unfinished.stderr.contains("{{ without its }}"), "\(unfinished.stderr)")
    }
}
