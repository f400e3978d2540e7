/// A request handler run in Swift concurrency (a task per request); it may suspend and do I/O.
public typealias HTTPHandler = @Sendable (HTTPRequest) async throws -> HTTPResponse

/// A handler run directly on the event loop thread, without a task hop: the fastest path, for answers
/// computed from the request alone (health checks, constants). It must never block, sleep, wait on a
/// lock held by slow code, or do file or network I/O: every connection of its loop waits while it runs.
public typealias InlineHTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// A handler tried first on the event loop thread, under the rules of `InlineHTTPHandler`; it returns nil when
/// it cannot answer without waiting (data not at hand, a lock taken), and the request then goes to the
/// route's `HTTPHandler` in a task as if the attempt had not happened.
public typealias InlineAttemptHandler = @Sendable (HTTPRequest) -> HTTPResponse?

/// A handler tried first on the event loop thread, under the rules of `InlineHTTPHandler`, that may hand the
/// request to a thread of its own (a database reader, say) instead of a task: it returns true when it took the
/// request, and then answers it exactly once through the `HTTPResponder`, from any thread; false sends the
/// request to the route's `HTTPHandler` in a task, as if the attempt had not happened. This saves the task and
/// the two hand-overs to and from Swift's cooperative pool that a request which waits on such a thread pays.
public typealias HandOffAttemptHandler = @Sendable (HTTPRequest, HTTPResponder) -> Bool

/// How a route's handler runs.
public enum RouteHandler: Sendable {
    /// In a task; the common case.
    case async(HTTPHandler)
    /// On the loop thread; see `InlineHTTPHandler` for the rules.
    case inline(InlineHTTPHandler)
    /// On the loop thread when the attempt answers, otherwise in a task; for reads that are usually
    /// immediate (a cached answer, a lookup on an idle connection) but sometimes must wait.
    case inlineFirst(InlineAttemptHandler, fallback: HTTPHandler)
    /// Offered on the loop thread to the attempt, which answers later from another thread when it takes the
    /// request; otherwise in a task.
    case handOffFirst(HandOffAttemptHandler, fallback: HTTPHandler)
}
