import Foundation
import Synchronization

/// A dedicated operating-system thread for blocking SQLite work (fsync, long reads, backup steps),
/// kept off Swift's cooperative pool; it can be awaited until its body returns.
final class WorkerThread: Sendable {
    private enum State {
        case running([CheckedContinuation<Void, Never>])
        case finished
    }

    private let state = Mutex(State.running([]))

    /// Starts a thread named `name` running `body` once.
    init(name: String, body: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            body()
            let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
                guard case .running(let waiters) = state else { return [] }
                state = .finished
                return waiters
            }
            for waiter in waiters { waiter.resume() }
        }
        thread.name = name
        thread.start()
    }

    /// Suspends until the thread's body has returned.
    func waitUntilFinished() async {
        await withCheckedContinuation { continuation in
            let alreadyFinished = state.withLock { state -> Bool in
                guard case .running(let waiters) = state else { return true }
                state = .running(waiters + [continuation])
                return false
            }
            if alreadyFinished { continuation.resume() }
        }
    }

    /// Runs `body` on a new thread and returns its result, for one-off blocking work such as a backup.
    static func run<Value: Sendable>(
        name: String, _ body: @escaping @Sendable () throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            _ = WorkerThread(name: name) {
                continuation.resume(with: Swift.Result { try body() })
            }
        }
    }
}
