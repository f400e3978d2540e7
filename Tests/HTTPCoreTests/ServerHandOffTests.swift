import Dispatch
import HTTPCore
import Synchronization
import Testing

/// `RouteHandler.handOffFirst`: a request the attempt takes is answered later from another thread; one it
/// declines goes to the task handler.
@Suite struct ServerHandOffTests {
    /// Answers `/items/:id` from a thread of its own unless the id is `task`; `dropped` loses the responder.
    static func router(fallbacks: HandOffCount) -> Router {
        let worker = DispatchQueue(label: "hand-off-test")
        var router = Router()
        router.add(
            .get, "/items/:id",
            .handOffFirst(
                { request, responder in
                    let id = request.pathParameters["id"] ?? "?"
                    if id == "task" { return false }
                    if id == "dropped" { return true }
                    // Later and from elsewhere, so pipelined answers must wait for it to keep their order.
                    worker.asyncAfter(deadline: .now() + .milliseconds(20)) {
                        responder.respond(HTTPResponse(body: .string("from a thread: \(id)")))
                        responder.respond(HTTPResponse(body: "a second answer is ignored"))
                    }
                    return true
                },
                fallback: { request in
                    fallbacks.value.add(1, ordering: .relaxed)
                    return HTTPResponse(body: .string("from a task: \(request.pathParameters["id"] ?? "?")"))
                }))
        return router
    }

    @Test func takenRequestsAreAnsweredFromAnotherThreadInPipelinedOrder() async throws {
        let fallbacks = HandOffCount()
        try await withServer(router: Self.router(fallbacks: fallbacks)) { _, port in
            let answers = try await offPool {
                let client = try RawClient(port: port)
                try client.send(
                    "GET /items/1 HTTP/1.1\r\nHost: t\r\n\r\nGET /items/task HTTP/1.1\r\nHost: t\r\n\r\n"
                        + "GET /items/2 HTTP/1.1\r\nHost: t\r\n\r\n")
                return try (0..<3).map { _ in try client.readResponse().text }
            }
            #expect(answers == ["from a thread: 1", "from a task: task", "from a thread: 2"])
            #expect(fallbacks.value.load(ordering: .relaxed) == 1)
        }
    }

    @Test func aRequestTakenAndNeverAnsweredGets500AndTheConnectionGoesOn() async throws {
        try await withServer(router: Self.router(fallbacks: HandOffCount())) { _, port in
            let answers = try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /items/dropped HTTP/1.1\r\nHost: t\r\n\r\n")
                let dropped = try client.readResponse()
                try client.send("GET /items/3 HTTP/1.1\r\nHost: t\r\n\r\n")
                return [String(dropped.status), try client.readResponse().text]
            }
            #expect(answers == ["500", "from a thread: 3"])
        }
    }
}

final class HandOffCount: Sendable {
    let value = Atomic(0)
}
