import Synchronization

/// Query-only connections lent to callers that read on their own thread (``DatabasePool/readImmediately(_:)``),
/// one caller per connection at a time. A caller that finds none idle is told so instead of waiting.
final class ImmediateReaders: Sendable {
    private struct State {
        var idle: [UncheckedTransfer<Connection>]
        var isClosed = false
    }

    // Each connection sits in `idle` only while no thread uses it: `checkOut` removes it under the lock and
    // hands it to exactly one caller, which gives it back with `checkIn`; that is the transfer
    // `UncheckedTransfer` stands for.
    private let state: Mutex<State>

    init(connections: [Connection]) {
        state = Mutex(State(idle: connections.map { UncheckedTransfer(value: $0) }))
    }

    /// An idle connection, now owned by the caller until ``checkIn(_:)``; nil when all are in use or closed.
    func checkOut() -> Connection? {
        state.withLock { state in state.isClosed ? nil : state.idle.popLast() }?.value
    }

    /// Returns a connection taken with ``checkOut()``; after ``closeAll()`` it is closed instead.
    func checkIn(_ connection: Connection) {
        let transfer = UncheckedTransfer(value: connection)
        let keep = state.withLock { state -> Bool in
            guard !state.isClosed else { return false }
            state.idle.append(transfer)
            return true
        }
        if !keep { transfer.value.close() }
    }

    /// Closes the idle connections now and the lent ones when they come back.
    func closeAll() {
        let idle = state.withLock { state -> [UncheckedTransfer<Connection>] in
            state.isClosed = true
            defer { state.idle.removeAll() }
            return state.idle
        }
        for connection in idle { connection.value.close() }
    }
}
