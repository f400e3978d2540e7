import HTTPCore
import Logging

/// Starts a real server on 127.0.0.1 (or `host`) port 0, hands its port to `body`, and shuts it down
/// afterwards, whatever happens.
func withServer<Result>(
    router: Router,
    host: String = "127.0.0.1",
    configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    _ body: (HTTPServer, Int) async throws -> Result
) async throws -> Result {
    var configuration = HTTPServerConfiguration(host: host, port: 0)
    configuration.eventLoopCount = 2
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, router: router, logger: Logger(label: "test"))
    let port = try server.start()
    do {
        let result = try await body(server, port)
        await server.shutdown(gracePeriod: .seconds(1))
        return result
    } catch {
        await server.shutdown(gracePeriod: .zero)
        throw error
    }
}

extension Router {
    /// A router with the routes most tests use.
    static func testRoutes() -> Router {
        var router = Router()
        router.get("/hello") { _ in HTTPResponse(headers: ["Content-Type": "text/plain"], body: "hello") }
        router.add(.get, "/inline", .inline { _ in HTTPResponse(body: "inline") })
        router.get("/echo-query") { request in
            let items = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "|")
            return HTTPResponse(body: .string(items))
        }
        router.get("/items/:id") { request in
            HTTPResponse(body: .string("item \(request.pathParameters["id"] ?? "?")"))
        }
        router.post("/echo", maxBodySize: 64) { request in
            HTTPResponse(body: .bytes(request.body))
        }
        router.get("/slow/:ms") { request in
            let milliseconds = Int(request.pathParameters["ms"] ?? "0") ?? 0
            try await Task.sleep(for: .milliseconds(milliseconds))
            return HTTPResponse(body: .string("slept \(milliseconds)"))
        }
        router.get("/fails") { _ in throw TestFailure() }
        return router
    }
}

struct TestFailure: Error {}
