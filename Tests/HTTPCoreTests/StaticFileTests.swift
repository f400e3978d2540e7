import Glibc
import HTTPCore
import Testing

@Suite struct StaticFileTests {
    /// A temp folder with a public root and a secret beside it, removed afterwards.
    final class Fixture {
        let base: String
        let root: String

        init() throws {
            var template = Array("/tmp/klaxon-static-XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw RawClient.ClientError(description: "mkdtemp failed") }
            base = String(cString: made)
            root = base + "/public"
            mkdir(root, 0o755)
            mkdir(root + "/css", 0o755)
            try write(root + "/index.html", "<h1>desk</h1>")
            try write(root + "/css/app.css", "body{}")
            try write(root + "/.env", "hidden")
            try write(base + "/secret.txt", "top secret")
            symlink(base + "/secret.txt", root + "/leak.txt")
            symlink(root + "/css/app.css", root + "/alias.css")
        }

        deinit {
            for path in [
                root + "/index.html", root + "/css/app.css", root + "/.env", root + "/leak.txt", root + "/alias.css",
                base + "/secret.txt",
            ] {
                unlink(path)
            }
            rmdir(root + "/css")
            rmdir(root)
            rmdir(base)
        }

        private func write(_ path: String, _ text: String) throws {
            guard let file = fopen(path, "w") else { throw RawClient.ClientError(description: "cannot write \(path)") }
            fputs(text, file)
            fclose(file)
        }
    }

    func get(_ handler: StaticFileHandler, _ target: String, headers: HTTPHeaders = ["Host": "t"]) -> HTTPResponse {
        let head = HTTPRequestHead(
            method: .get, target: target, version: .http1_1, headers: headers, framing: .none, keepAlive: true,
            expectsContinue: false)
        return handler.respond(to: HTTPRequest(head: head))
    }

    func text(_ response: HTTPResponse) -> String {
        if case .bytes(let bytes) = response.body { return String(decoding: bytes, as: UTF8.self) }
        return ""
    }

    @Test func servesFilesWithContentTypeAndCacheControl() throws {
        let fixture = try Fixture()
        let files = StaticFileHandler(root: fixture.root)
        let index = get(files, "/")
        #expect(index.status == .ok)
        #expect(text(index) == "<h1>desk</h1>")
        #expect(index.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(index.headers["Cache-Control"] == "no-cache")
        let css = get(files, "/css/app.css?v=2")
        #expect(text(css) == "body{}")
        #expect(css.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(css.headers["Cache-Control"] == "public, max-age=300")
        #expect(text(get(files, "/alias.css")) == "body{}")  // a link staying inside the folder is fine
    }

    @Test func traversalAttemptsAre404() throws {
        let fixture = try Fixture()
        let files = StaticFileHandler(root: fixture.root)
        let attempts = [
            "/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
            "/css/..%2fsecret.txt",
            "/%2f..%2fsecret.txt", "/css%2fapp.css", "/leak.txt", "/.env", "/index.html%00.css", "/..%5csecret.txt",
            "/missing.html",
        ]
        for target in attempts {
            #expect(get(files, target).status == .notFound, "\(target)")
        }
    }

    @Test func matchingETagIs304() throws {
        let fixture = try Fixture()
        let files = StaticFileHandler(root: fixture.root)
        let first = get(files, "/css/app.css")
        let etag = try #require(first.headers["ETag"])
        let revalidated = get(files, "/css/app.css", headers: ["Host": "t", "If-None-Match": "\"other\", \(etag)"])
        #expect(revalidated.status == .notModified)
        #expect(text(revalidated).isEmpty)
        #expect(revalidated.headers["ETag"] == etag)
        let changed = get(files, "/css/app.css", headers: ["Host": "t", "If-None-Match": "\"other\""])
        #expect(changed.status == .ok)
    }

    @Test func servedAsRouterFallbackOverTheWire() async throws {
        let fixture = try Fixture()
        var router = Router.testRoutes()
        router.fallback = StaticFileHandler(root: fixture.root).routeHandler
        try await withServer(router: router) { _, port in
            let (index, traversal, api, notModified) = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                let index = try client.readResponse()
                try client.send("GET /../secret.txt HTTP/1.1\r\nHost: t\r\n\r\n")
                let traversal = try client.readResponse()
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                let api = try client.readResponse()
                try client.send("GET / HTTP/1.1\r\nHost: t\r\nIf-None-Match: \(index.header("ETag") ?? "")\r\n\r\n")
                return (index, traversal, api, try client.readResponse())
            }
            #expect(index.text == "<h1>desk</h1>")
            #expect(traversal.status == 404 || traversal.status == 400)
            #expect(api.text == "hello")
            #expect(notModified.status == 304)
            #expect(notModified.body.isEmpty)
        }
    }
}
