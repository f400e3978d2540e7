import CHTTPCoreShims
import Glibc

/// An eventfd used to wake an event loop from other threads. The loop polls it for readability;
/// `signal` may be called from any thread, `drain` only by the loop.
final class EventFD: @unchecked Sendable {
    // Safe to share: the descriptor never changes after init, and eventfd writes and reads are atomic
    // in the kernel. Only the owning loop calls `drain`.
    let descriptor: Int32

    init() throws(SocketError) {
        descriptor = try SystemCall.require("eventfd") { chttp_eventfd() }
    }

    deinit {
        SystemCall.closeDescriptor(descriptor)
    }

    func signal() {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { Glibc.write(descriptor, $0.baseAddress, 8) }
    }

    func drain() {
        var value: UInt64 = 0
        _ = withUnsafeMutableBytes(of: &value) { Glibc.read(descriptor, $0.baseAddress, 8) }
    }
}
