import Foundation
import Testing

@testable import IncidentAPI

/// What the dashboard relies on from the server: its files sent with strict security headers, an API that
/// never opens itself to other origins, and a way for a token to learn its own scope.
@Suite struct DashboardAPITests {
    /// The repository's own `Public/` folder, so the test sees the files that ship.
    static let publicFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Public").path

    static func withDashboard(_ body: (TestApplication) async throws -> Void) async throws {
        let app = try await TestApplication.start(publicDirectory: publicFolder)
        do {
            try await body(app)
            await app.stop()
        } catch {
            await app.stop()
            throw error
        }
    }

    /// A wrong `--public` is said at start, not discovered later as a bare 404.
    @Test func aDashboardFolderThatCannotServeIsNamed() throws {
        #expect(DashboardFiles.problem(with: Self.publicFolder) == nil)
        let missing = "/nonexistent/klaxon-public-\(UUID().uuidString)"
        #expect(DashboardFiles.problem(with: missing)?.contains("\(missing) does not exist") == true)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("klaxon-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(DashboardFiles.problem(with: empty.path)?.contains("has no readable index.html") == true)
    }

    @Test func dashboardFilesCarryTheSecurityHeaders() async throws {
        try await Self.withDashboard { app in
            for path in ["/", "/index.html", "/app.js", "/api.js", "/style.css"] {
                let answer = try await app.request("GET", path, token: nil)
                #expect(answer.status == 200, "\(path)")
                let policy = answer.headers["content-security-policy"] ?? ""
                #expect(policy.contains("default-src 'self'"), "\(path): \(policy)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(path): \(policy)")
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "\(path): \(policy)")
                #expect(answer.headers["x-content-type-options"] == "nosniff", "\(path)")
                #expect(answer.headers["referrer-policy"] == "no-referrer", "\(path)")
            }
            let script = try await app.request("GET", "/app.js", token: nil)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")

            let first = try await app.request("GET", "/index.html", token: nil)
            let etag = try #require(first.headers["etag"])
            let revalidated = try await app.request(
                "GET", "/index.html", token: nil, headers: ["If-None-Match": etag])
            #expect(revalidated.status == 304)
            #expect(revalidated.headers["content-security-policy"] == DashboardFiles.contentSecurityPolicy)
        }
    }

    /// The policy forbids inline code, so the shell must have none: every script is a file, no `style=`.
    @Test func theShellHasNoInlineScriptOrStyle() async throws {
        try await Self.withDashboard { app in
            let shell = try await app.request("GET", "/", token: nil).text
            #expect(shell.contains("<script type=\"module\" src=\"app.js\"></script>"))
            let scriptTags = shell.components(separatedBy: "<script").dropFirst()
            #expect(scriptTags.allSatisfy { $0.hasPrefix(" type=\"module\" src=") })
            #expect(!shell.contains("style="))
            #expect(shell.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil)  // no onclick= etc.
        }
    }

    @Test func theAPISendsNoCORSHeaders() async throws {
        try await Self.withDashboard { app in
            let origin = ["Origin": "https://evil.example"]
            let list = try await app.request("GET", "/api/v1/incidents", headers: origin)
            #expect(list.status == 200)
            let preflight = try await app.request(
                "OPTIONS", "/api/v1/incidents", token: nil,
                headers: origin.merging(["Access-Control-Request-Method": "POST"]) { $1 })
            #expect(preflight.status != 200 && preflight.status != 204)
            let shell = try await app.request("GET", "/", token: nil, headers: origin)
            for answer in [list, preflight, shell] {
                #expect(!answer.headers.keys.contains { $0.hasPrefix("access-control-") }, "\(answer.headers)")
            }
        }
    }

    @Test func aTokenReadsItsOwnMetadataButNeverItsSecret() async throws {
        try await TestApplication.with { app in
            let secret = try await app.createToken(name: "wall-screen", scope: "read")
            let answer = try await app.request("GET", "/api/v1/tokens/current", token: secret)
            #expect(answer.status == 200)
            let token = try answer.object()
            #expect(token["name"] as? String == "wall-screen")
            #expect(token["scope"] as? String == "read")
            #expect(token["token"] == nil)
            #expect(!answer.text.contains(secret))

            let admin = try await app.request("GET", "/api/v1/tokens/current")
            #expect(try admin.object()["scope"] as? String == "admin")

            let anonymous = try await app.request("GET", "/api/v1/tokens/current", token: nil)
            #expect(anonymous.status == 401)
            _ = try await app.request("DELETE", "/api/v1/tokens/wall-screen")
            let revoked = try await app.request("GET", "/api/v1/tokens/current", token: secret)
            #expect(revoked.status == 401)
        }
    }
}
