/// A sendable reference to one connection of one loop, held by the task running its handler.
/// The id includes a generation, so a handle to a closed connection never reaches a newer one
/// that reused the descriptor.
struct ConnectionHandle: Sendable {
    let loop: EventLoop
    let id: UInt64

    func send(_ message: LoopMessage) {
        loop.enqueue(message)
    }
}
