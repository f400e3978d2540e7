import Glibc

/// A failed system call on a socket, epoll or eventfd descriptor: which call, and the `errno` it reported.
public struct SocketError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name of the failed call, e.g. `bind` or `epoll_ctl`.
    public var call: String
    /// The `errno` value the call reported.
    public var code: Int32

    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
