import Synchronization

/// Answers one request that a `HandOffAttemptHandler` took, from any thread: the answer goes to the request's
/// event loop through its inbox, like a task's. Only the first answer counts. A responder dropped without an
/// answer sends a 500, so a handler that loses a request cannot leave its connection waiting forever.
public final class HTTPResponder: Sendable {
    private let handle: ConnectionHandle
    /// A HEAD request: a stream body's producer is not run.
    private let isHead: Bool
    private let answered = Atomic(false)

    init(handle: ConnectionHandle, isHead: Bool) {
        self.handle = handle
        self.isHead = isHead
    }

    deinit {
        if !answered.load(ordering: .acquiring) {
            handle.send(.respond(handle.id, .problem(.internalServerError)))
        }
    }

    /// Sends `response`; a stream body's producer then runs in a task, as it does for a task's answer.
    public func respond(_ response: HTTPResponse) {
        guard !answered.exchange(true, ordering: .acquiringAndReleasing) else { return }
        handle.send(.respond(handle.id, response))
        if case .stream(let producer) = response.body, !isHead, response.status.mayHaveBody {
            let handle = handle
            Task { await EventLoop.runProducer(producer, handle: handle) }
        }
    }

    /// The attempt declined: the request goes to a task, and this responder must send nothing.
    func withdraw() {
        answered.store(true, ordering: .releasing)
    }
}
