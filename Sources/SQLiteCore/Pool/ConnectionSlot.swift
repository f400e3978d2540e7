/// The connection of one pool thread, opened when first needed and opened again after its file could not
/// be opened (a read-only file system, a missing directory): a pool that must stay up keeps trying instead
/// of failing for good.
///
/// Tries are at most one per `retryInterval`; in between, callers get the error of the last try at once,
/// so a flood of requests against a broken file does not turn into a flood of `open` calls.
/// Lives on its thread only (it holds a ``Connection``), so it is not `Sendable`.
final class ConnectionSlot {
    private let open: () throws -> Connection
    private let retryInterval: Duration
    /// The open connection, or nil before the first successful try and after ``close()``.
    private(set) var connection: Connection?
    private var lastFailure: (error: any Error, at: ContinuousClock.Instant)?

    /// A slot that opens with `open`.
    init(retryInterval: Duration, open: @escaping () throws -> Connection) {
        self.open = open
        self.retryInterval = retryInterval
    }

    /// A slot holding `connection`, opened already; `open` serves the next try after ``close()``.
    convenience init(connection: Connection, retryInterval: Duration, open: @escaping () throws -> Connection) {
        self.init(retryInterval: retryInterval, open: open)
        self.connection = connection
    }

    /// A slot whose first try already failed with `error` (at start), to be tried again after `retryInterval`.
    convenience init(failure error: any Error, retryInterval: Duration, open: @escaping () throws -> Connection) {
        self.init(retryInterval: retryInterval, open: open)
        self.lastFailure = (error, ContinuousClock.now)
    }

    /// The open connection; opens one when there is none and the last try is old enough, else throws the
    /// last try's error.
    func current() throws -> Connection {
        if let connection { return connection }
        if let lastFailure, ContinuousClock.now - lastFailure.at < retryInterval {
            throw lastFailure.error
        }
        do {
            let opened = try open()
            connection = opened
            lastFailure = nil
            return opened
        } catch {
            lastFailure = (error, ContinuousClock.now)
            throw error
        }
    }

    /// Closes the connection, if any; the next ``current()`` opens a new one at once.
    func close() {
        connection?.close()
        connection = nil
        lastFailure = nil
    }
}

@available(*, unavailable)
extension ConnectionSlot: Sendable {}
