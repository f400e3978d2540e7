import HTTPCore
import Synchronization
import Testing

/// `RouteHandler.inlineFirst`: answered on the loop when the attempt answers, otherwise by the task handler.
@Suite struct ServerInlineFirstTests {
    @Test func theAttemptAnswersOrHandsTheRequestToTheTaskHandler() async throws {
        let fallbacks = FallbackCount()
        var router = Router()
        router.add(
            .get, "/items/:id",
            .inlineFirst(
                { request in
                    request.pathParameters["id"] == "cached" ? HTTPResponse(body: "from the loop") : nil
                },
                fallback: { request in
                    fallbacks.value.add(1, ordering: .relaxed)
                    try await Task.sleep(for: .milliseconds(5))
                    return HTTPResponse(body: .string("from a task: \(request.pathParameters["id"] ?? "?")"))
                }))
        try await withServer(router: router) { _, port in
            let answers = try await offPool {
                let client = try RawClient(port: port)
                // Pipelined: answers keep their order whichever way each was made.
                try client.send(
                    "GET /items/cached HTTP/1.1\r\nHost: t\r\n\r\nGET /items/7 HTTP/1.1\r\nHost: t\r\n\r\n"
                        + "GET /items/cached HTTP/1.1\r\nHost: t\r\n\r\n")
                return try (0..<3).map { _ in try client.readResponse().text }
            }
            #expect(answers == ["from the loop", "from a task: 7", "from the loop"])
            #expect(fallbacks.value.load(ordering: .relaxed) == 1)
        }
    }
}

private final class FallbackCount: Sendable {
    let value = Atomic(0)
}
