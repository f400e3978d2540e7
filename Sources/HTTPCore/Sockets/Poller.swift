import CHTTPCoreShims
import Glibc

/// An epoll instance: the readiness queue of one event loop. Owned by that loop's thread.
final class Poller {
    /// Readiness interest flags, as epoll spells them.
    struct Interest: OptionSet {
        let rawValue: UInt32
        static let readable = Interest(rawValue: CHTTP_EPOLLIN)
        static let writable = Interest(rawValue: CHTTP_EPOLLOUT)
    }

    private let descriptor: Int32
    private let events: UnsafeMutablePointer<chttp_event>
    let capacity: Int

    init(capacity: Int = 256) throws(SocketError) {
        descriptor = try SystemCall.require("epoll_create1") { chttp_epoll_create() }
        self.capacity = capacity
        events = .allocate(capacity: capacity)
    }

    deinit {
        events.deallocate()
        SystemCall.closeDescriptor(descriptor)
    }

    func add(_ fd: Int32, interest: Interest) throws(SocketError) {
        try control(CHTTP_EPOLL_CTL_ADD, fd, interest)
    }

    func modify(_ fd: Int32, interest: Interest) throws(SocketError) {
        try control(CHTTP_EPOLL_CTL_MOD, fd, interest)
    }

    func remove(_ fd: Int32) {
        _ = chttp_epoll_ctl(descriptor, CHTTP_EPOLL_CTL_DEL, fd, 0)
    }

    private func control(_ operation: Int32, _ fd: Int32, _ interest: Interest) throws(SocketError) {
        let descriptor = self.descriptor
        try SystemCall.require("epoll_ctl") { chttp_epoll_ctl(descriptor, operation, fd, interest.rawValue) }
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and returns how many events are ready.
    func wait(timeoutMilliseconds: Int32) throws(SocketError) -> Int {
        let descriptor = self.descriptor
        let events = self.events
        let capacity = Int32(self.capacity)
        switch try SystemCall.run("epoll_wait", { chttp_epoll_wait(descriptor, events, capacity, timeoutMilliseconds) })
        {
        case .completed(let count): return Int(count)
        case .wouldBlock: return 0
        }
    }

    /// The descriptor and the raw event flags of the ready event at `index` (after `wait`).
    @inline(__always)
    func event(at index: Int) -> (fd: Int32, flags: UInt32) {
        let event = events[index]
        return (event.fd, event.events)
    }
}

@available(*, unavailable)
extension Poller: Sendable {}
