/// Work handed to an event loop from other threads, through its inbox and eventfd.
enum LoopMessage: Sendable {
    /// The handler of the connection's in-flight request answered. A stream body's head is written;
    /// its pieces follow as `streamChunk`s from the same task.
    case respond(UInt64, HTTPResponse)
    /// A piece of a streamed body; the continuation is resumed with false when the connection is gone,
    /// and (backpressure) only once the unsent output is below the high-water mark.
    case streamChunk(UInt64, [UInt8], CheckedContinuation<Bool, Never>)
    /// The stream producer returned: end the body.
    case streamEnd(UInt64)
    /// The stream producer threw: the body cannot be completed, so the connection is closed.
    case streamAbort(UInt64)
    /// Stop accepting; close idle connections; close the others once their response is sent.
    case drain
    /// Close everything and end the loop thread.
    case stop
}
