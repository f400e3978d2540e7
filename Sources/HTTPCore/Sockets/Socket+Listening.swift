import Glibc

extension Socket {
    /// Opens a non-blocking TCP listener on `host` (a numeric IPv4/IPv6 address or a name) and `port`
    /// (0 picks a free port). With `reusePort`, several listeners may share the port and the kernel
    /// spreads incoming connections across them.
    static func listen(host: String, port: Int, reusePort: Bool, backlog: Int32) throws(SocketError) -> Socket {
        let address = try SocketAddress.resolve(host: host, port: port)
        let descriptor = try SystemCall.require("socket") {
            Glibc.socket(
                Int32(address.family), Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        }
        let listener = Socket(descriptor: descriptor)  // closes the descriptor if a step below throws
        try listener.setOption(level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
        if reusePort {
            try listener.setOption(level: SOL_SOCKET, name: SO_REUSEPORT, value: 1)
        }
        _ = try address.withSockaddr { pointer, length throws(SocketError) in
            try SystemCall.require("bind") { bind(descriptor, pointer, length) }
        }
        try SystemCall.require("listen") { Glibc.listen(descriptor, backlog) }
        return listener
    }
}
