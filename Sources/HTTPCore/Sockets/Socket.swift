import CHTTPCoreShims
import Glibc

/// The one owner of a socket descriptor: closes it in `deinit` unless closed before.
/// Confined to one thread (the event loop that owns it), hence not `Sendable`.
final class Socket {
    private(set) var descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { SystemCall.closeDescriptor(descriptor) }
    }

    var isOpen: Bool { descriptor >= 0 }

    func close() {
        guard descriptor >= 0 else { return }
        SystemCall.closeDescriptor(descriptor)
        descriptor = -1
    }

    /// Reads into `buffer`. Returns nil when no bytes are available yet, 0 at end of stream.
    @inline(__always)
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int? {
        let descriptor = self.descriptor
        switch try SystemCall.run("read", { Glibc.read(descriptor, buffer.baseAddress, buffer.count) }) {
        case .completed(let count): return count
        case .wouldBlock: return nil
        }
    }

    /// Sends bytes with `MSG_NOSIGNAL` (a vanished peer is an error, not a SIGPIPE).
    /// Returns how many bytes the kernel took, or nil when its buffer is full.
    @inline(__always)
    func send(_ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Int? {
        let descriptor = self.descriptor
        switch try SystemCall.run(
            "send", { Glibc.send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) })
        {
        case .completed(let count): return count
        case .wouldBlock: return nil
        }
    }

    /// Accepts one pending connection as a non-blocking socket, with the peer's address as text.
    /// Returns nil when no connection is pending.
    func accept() throws(SocketError) -> (socket: Socket, remoteAddress: String)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let listener = descriptor
        let result = try withUnsafeMutablePointer(to: &storage) { pointer throws(SocketError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SocketError) in
                try SystemCall.run("accept4") {
                    chttp_accept4(listener, address, &length)
                }
            }
        }
        switch result {
        case .wouldBlock:
            return nil
        case .completed(let accepted):
            return (Socket(descriptor: accepted), SocketAddress.describe(storage))
        }
    }

    func setOption(level: Int32, name: Int32, value: Int32) throws(SocketError) {
        var value = value
        let descriptor = self.descriptor
        try SystemCall.require("setsockopt") {
            setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    /// Disables Nagle's algorithm, so a response is not held back waiting for the client's delayed ACK.
    func setNoDelay() throws(SocketError) {
        try setOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
    }

    /// Closes the sending direction (a FIN), keeping the receiving one open.
    func shutdownWrite() {
        _ = Glibc.shutdown(descriptor, Int32(SHUT_WR))
    }

    /// The local port this socket is bound to.
    func localPort() throws(SocketError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let descriptor = self.descriptor
        _ = try withUnsafeMutablePointer(to: &storage) { pointer throws(SocketError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SocketError) in
                try SystemCall.require("getsockname") { getsockname(descriptor, address, &length) }
            }
        }
        return SocketAddress.port(of: storage)
    }
}

@available(*, unavailable)
extension Socket: Sendable {}
