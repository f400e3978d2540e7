import Glibc

/// The outcome of a system call on a non-blocking descriptor.
enum SystemCallResult<Value> {
    case completed(Value)
    /// The call reported EAGAIN or EWOULDBLOCK: try again when epoll says the descriptor is ready.
    case wouldBlock
}

/// The one place system calls are made: retries EINTR, reports EAGAIN/EWOULDBLOCK as "would block",
/// and turns every other failure into a `SocketError` naming the call.
enum SystemCall {
    @inline(__always)
    static func run<Result: BinaryInteger>(
        _ name: StaticString,
        _ body: () -> Result
    ) throws(SocketError) -> SystemCallResult<Result> {
        while true {
            let result = body()
            if result >= 0 { return .completed(result) }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            throw SocketError(call: "\(name)", code: code)
        }
    }

    /// For calls that never legitimately block (setup calls): would-block is reported as an error too.
    @inline(__always)
    @discardableResult
    static func require<Result: BinaryInteger>(
        _ name: StaticString,
        _ body: () -> Result
    ) throws(SocketError) -> Result {
        switch try run(name, body) {
        case .completed(let value): return value
        case .wouldBlock: throw SocketError(call: "\(name)", code: EAGAIN)
        }
    }

    /// Closes a descriptor. Not retried on EINTR: on Linux the descriptor is released even then,
    /// and retrying could close a descriptor another thread just received.
    static func closeDescriptor(_ descriptor: Int32) {
        _ = close(descriptor)
    }
}
