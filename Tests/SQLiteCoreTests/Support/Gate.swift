import Foundation
import Synchronization

/// A one-shot signal between a test and a closure running on a pool thread, with bounded waits.
final class Gate: Sendable {
    private let opened = Mutex(false)

    func open() {
        opened.withLock { $0 = true }
    }

    var isOpen: Bool { opened.withLock { $0 } }

    /// Blocks the calling (pool) thread until opened, at most `timeout`; returns whether it opened.
    @discardableResult
    func waitBlocking(timeout: Duration = .seconds(5)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !isOpen {
            if ContinuousClock.now > deadline { return false }
            usleep(500)
        }
        return true
    }

    /// Suspends the calling task until opened, at most `timeout`; returns whether it opened.
    @discardableResult
    func wait(timeout: Duration = .seconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !isOpen {
            if ContinuousClock.now > deadline { return false }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return true
    }
}
