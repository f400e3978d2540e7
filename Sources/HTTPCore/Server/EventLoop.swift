import CHTTPCoreShims
import Glibc
import Logging
import Synchronization

/// One event loop: a dedicated thread with its own epoll, its own listener (SO_REUSEPORT) and the
/// connections it accepted. Everything but the inbox is touched only by the loop's thread.
///
/// Accepting through one SO_REUSEPORT listener per loop (rather than a shared listener polled with
/// EPOLLEXCLUSIVE) lets the kernel spread new connections over the loops with a queue per loop, no
/// cross-loop handoff and no thundering herd.
final class EventLoop: @unchecked Sendable {
    // @unchecked Sendable: handles to a loop travel to handler tasks, which only call `enqueue`, and that
    // touches nothing but the mutex-protected inbox and the eventfd. All other state is confined to the
    // loop thread (and to the starting thread before the loop thread exists).

    private struct Inbox {
        var messages: [LoopMessage] = []
        var stopped = false
    }

    let index: Int
    let context: ServerContext
    let poller: Poller
    private let wakeup: EventFD
    var listener: Socket?
    private let inbox = Mutex(Inbox())
    private var drainedMessages: [LoopMessage] = []
    let finished = Atomic<Bool>(false)
    var requestIdentifiers: RequestIdentifiers
    /// This loop's own copy: retained per answer, so not shared with the other loops' threads.
    let requestIDHeader: ResponseEncoder.RequestIDHeader?

    /// Connections by descriptor.
    var connections: [Connection?] = []
    var nextGeneration: UInt64 = 1
    /// Monotonic nanoseconds, coarse, refreshed at every wake.
    var now: UInt64 = 0
    var lastTimerScan: UInt64 = 0
    var acceptPausedUntil: UInt64 = 0
    var dateCache = DateHeaderCache()
    /// Read buffer shared by every connection of the loop.
    var readBuffer: UnsafeMutableRawBufferPointer
    /// Output being composed for the connection currently processed; sent before moving on.
    var output: [UInt8] = []
    var running = true
    var draining = false
    let logger: Logger

    init(index: Int, context: ServerContext, listener: Socket) throws(SocketError) {
        self.index = index
        self.context = context
        self.listener = listener
        requestIdentifiers = RequestIdentifiers(prefix: context.requestIDBase &+ UInt32(truncatingIfNeeded: index))
        requestIDHeader = context.configuration.requestIDHeader.map(ResponseEncoder.RequestIDHeader.init)
        poller = try Poller()
        wakeup = try EventFD()
        readBuffer = .allocate(byteCount: max(4096, context.configuration.readBufferSize), alignment: 16)
        output.reserveCapacity(16 * 1024)
        var logger = context.logger
        logger[metadataKey: "event-loop"] = "\(index)"
        self.logger = logger
        try poller.add(wakeup.descriptor, interest: .readable)
        try poller.add(listener.descriptor, interest: .readable)
    }

    deinit {
        readBuffer.deallocate()
    }

    // MARK: Cross-thread entry

    /// Hands a message to the loop from any thread. Wakes the loop only when the inbox was empty,
    /// so a burst of completions costs one wake.
    func enqueue(_ message: LoopMessage) {
        let accepted: Bool
        let wake: Bool
        (accepted, wake) = inbox.withLock { inbox in
            if inbox.stopped { return (false, false) }
            inbox.messages.append(message)
            return (true, inbox.messages.count == 1)
        }
        if !accepted {
            if case .streamChunk(_, _, let continuation) = message { continuation.resume(returning: false) }
            return
        }
        if wake { wakeup.signal() }
    }

    // MARK: The loop

    func run() {
        updateClock()
        lastTimerScan = now
        let timeout = Int32(max(1, context.timerResolution / 1_000_000))
        while running {
            let count: Int
            do {
                count = try poller.wait(timeoutMilliseconds: timeout)
            } catch {
                logger.debug("epoll_wait failed; event loop stops", metadata: ["error": "\(error)"])
                break
            }
            updateClock()
            for index in 0..<count {
                let (fd, flags) = poller.event(at: index)
                if fd == wakeup.descriptor {
                    drainInbox()
                } else if let listener, fd == listener.descriptor {
                    acceptConnections()
                } else if fd >= 0, Int(fd) < connections.count, let connection = connections[Int(fd)] {
                    handleEvent(connection, flags: flags)
                }
            }
            if now &- lastTimerScan >= context.timerResolution {
                lastTimerScan = now
                checkTimers()
            }
        }
        shutDownEverything()
        finished.store(true, ordering: .releasing)
    }

    func updateClock() {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &spec)
        now = UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
        clock_gettime(CLOCK_REALTIME_COARSE, &spec)
        dateCache.update(epochSeconds: Int(spec.tv_sec))
    }

    private func drainInbox() {
        wakeup.drain()
        inbox.withLock { swap(&$0.messages, &drainedMessages) }
        for message in drainedMessages {
            handleMessage(message)
        }
        drainedMessages.removeAll(keepingCapacity: true)
    }

    private func handleEvent(_ connection: Connection, flags: UInt32) {
        if flags & Poller.Interest.writable.rawValue != 0 {
            writeBacklog(connection)
            guard connection.socket.isOpen else { return }
        }
        // An EPOLLIN reported in the same batch as a write that paused reading is stale: honour the pause.
        // Hang-ups and errors are always read, so the connection learns it is gone.
        if flags & (CHTTP_EPOLLHUP | CHTTP_EPOLLERR) != 0
            || (flags & CHTTP_EPOLLIN != 0 && connection.interest.contains(.readable))
        {
            readable(connection)
        }
    }

    func lookup(_ id: UInt64) -> Connection? {
        let fd = Int(id & 0xFFFF_FFFF)
        guard fd < connections.count, let connection = connections[fd], connection.id == id else { return nil }
        return connection
    }

    // MARK: Accepting

    private func acceptConnections() {
        guard let listener else { return }
        let configuration = context.configuration
        for _ in 0..<64 {
            let accepted: (socket: Socket, remoteAddress: String)
            do {
                guard let next = try listener.accept() else { return }
                accepted = next
            } catch {
                if error.code == EMFILE || error.code == ENFILE || error.code == ENOBUFS || error.code == ENOMEM {
                    // Out of descriptors: stop polling the listener for a moment instead of spinning on it.
                    logger.debug("accept paused", metadata: ["error": "\(error)"])
                    poller.remove(listener.descriptor)
                    acceptPausedUntil = now + 100_000_000
                    return
                }
                continue  // ECONNABORTED and the like concern that one connection only
            }
            if draining {
                accepted.socket.close()
                continue
            }
            let open = context.openConnections.wrappingAdd(1, ordering: .relaxed).newValue
            if open > configuration.maxConnections {
                context.openConnections.wrappingSubtract(1, ordering: .relaxed)
                accepted.socket.close()
                logger.debug(
                    "connection refused: connection cap reached", metadata: ["cap": "\(configuration.maxConnections)"])
                continue
            }
            register(accepted.socket, remoteAddress: accepted.remoteAddress)
        }
    }

    private func register(_ socket: Socket, remoteAddress: String) {
        let fd = socket.descriptor
        try? socket.setNoDelay()
        let id = nextGeneration << 32 | UInt64(UInt32(bitPattern: fd))
        nextGeneration &+= 1
        let connection = Connection(
            socket: socket,
            id: id,
            remoteAddress: remoteAddress,
            parser: HTTPRequestParser(configuration: context.configuration.parser)
        )
        do {
            try poller.add(fd, interest: .readable)
        } catch {
            socket.close()
            context.openConnections.wrappingSubtract(1, ordering: .relaxed)
            return
        }
        if Int(fd) >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: Int(fd) + 1 - connections.count + 64))
        }
        connections[Int(fd)] = connection
        // A connection that sends nothing at all is held to the header timeout, not the keep-alive one.
        connection.deadline = now + context.headerReadTimeout
    }

    // MARK: Closing

    func close(_ connection: Connection) {
        guard connection.socket.isOpen else { return }
        connections[Int(connection.descriptor)] = nil
        connection.socket.close()  // also removes it from the epoll set
        context.openConnections.wrappingSubtract(1, ordering: .relaxed)
        connection.task?.cancel()
        connection.task = nil
        if let writer = connection.waitingWriter {
            connection.waitingWriter = nil
            writer.resume(returning: false)
        }
        connection.pendingInput = []
        connection.output = []
    }

    func updateInterest(_ connection: Connection) {
        var wanted: Poller.Interest = []
        if !connection.readingPaused && !connection.awaitingDrain && !connection.peerClosed {
            wanted.insert(.readable)
        }
        if connection.unsentCount > 0 { wanted.insert(.writable) }
        guard wanted != connection.interest, connection.socket.isOpen else { return }
        connection.interest = wanted
        do {
            try poller.modify(connection.descriptor, interest: wanted)
        } catch {
            close(connection)
        }
    }

    // MARK: Draining and stopping

    func beginDrain() {
        guard !draining else { return }
        draining = true
        if let listener {
            poller.remove(listener.descriptor)
            listener.close()
            self.listener = nil
        }
        for index in connections.indices {
            guard let connection = connections[index] else { continue }
            if connection.phase == .idle && connection.pendingInput.isEmpty && connection.unsentCount == 0 {
                close(connection)
            }
        }
    }

    private func shutDownEverything() {
        inbox.withLock { $0.stopped = true }
        // Messages that arrived before `stopped` was set: release their waiting writers.
        drainInbox()
        for index in connections.indices {
            if let connection = connections[index] { close(connection) }
        }
        if let listener {
            listener.close()
            self.listener = nil
        }
    }

    private func handleMessage(_ message: LoopMessage) {
        switch message {
        case .respond(let id, let response):
            guard let connection = lookup(id), connection.phase == .handling else { return }
            respond(connection, response, runsProducer: false)
            continueAfterResponse(connection)
        case .streamChunk(let id, let bytes, let continuation):
            guard running, let connection = lookup(id), connection.phase == .streaming else {
                continuation.resume(returning: false)
                return
            }
            writeStreamChunk(connection, bytes, continuation)
        case .streamEnd(let id):
            guard let connection = lookup(id), connection.phase == .streaming else { return }
            endStream(connection)
            continueAfterResponse(connection)
        case .streamAbort(let id):
            guard let connection = lookup(id), connection.phase == .streaming else { return }
            logger.debug("stream producer failed; closing connection")
            close(connection)
        case .drain:
            beginDrain()
        case .stop:
            running = false
        }
    }
}
