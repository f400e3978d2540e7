import Glibc
import Logging

extension EventLoop {
    /// Encodes the answer to the connection's current request into the loop's output and moves the
    /// connection to its next phase. A stream body's head is written and the connection starts streaming;
    /// `runsProducer` starts the producer in a task (inline handlers; async ones run it in their own task).
    func respond(_ connection: Connection, _ response: HTTPResponse, runsProducer: Bool, forceClose: Bool = false) {
        let head = connection.head
        let isHEAD = head?.method == .head
        let isHTTP10 = head?.version == .http1_0
        var keepAlive = !forceClose && (head?.keepAlive ?? false) && !draining && !connection.peerClosed
        if keepAlive, let value = response.headers["Connection"], value.lowercased().contains("close") {
            keepAlive = false
        }
        let start = output.count
        switch response.body {
        case .bytes(let body):
            let hasBody = response.status.mayHaveBody
            ResponseEncoder.appendHead(
                status: response.status,
                headers: response.headers,
                framing: hasBody || response.status.code == 304 ? .length(body.count) : .none,
                keepAlive: keepAlive,
                requestIsHTTP10: isHTTP10,
                dateLine: dateCache.line,
                serverLine: context.serverLine,
                requestID: requestIDLine(connection),
                to: &output
            )
            if hasBody && !isHEAD { output.append(contentsOf: body) }
            logAccess(connection, status: response.status, bytes: output.count - start)
            requestDone(connection, keepAlive: keepAlive)
        case .stream(let producer):
            let streams = response.status.mayHaveBody && !isHEAD
            let framing: ResponseEncoder.Framing = isHTTP10 ? .closeDelimited : .chunked
            if framing == .closeDelimited { keepAlive = false }
            ResponseEncoder.appendHead(
                status: response.status,
                headers: response.headers,
                framing: response.status.mayHaveBody ? framing : .none,
                keepAlive: keepAlive,
                requestIsHTTP10: isHTTP10,
                dateLine: dateCache.line,
                serverLine: context.serverLine,
                requestID: requestIDLine(connection),
                to: &output
            )
            guard streams else {
                logAccess(connection, status: response.status, bytes: output.count - start)
                requestDone(connection, keepAlive: keepAlive)
                return
            }
            connection.phase = .streaming
            connection.deadline = 0
            connection.streamFraming = framing
            connection.streamKeepAlive = keepAlive
            connection.streamStatus = response.status
            connection.streamBytes = output.count - start
            if runsProducer {
                let handle = ConnectionHandle(loop: self, id: connection.id)
                connection.task = Task { await EventLoop.runProducer(producer, handle: handle) }
            }
        }
    }

    private func requestDone(_ connection: Connection, keepAlive: Bool) {
        connection.head = nil
        connection.requestID = nil
        connection.target = nil
        connection.task = nil
        if keepAlive {
            connection.phase = .idle
            connection.deadline = now + context.keepAliveTimeout
        } else {
            connection.phase = .closing
            connection.deadline = 0
        }
    }

    private func logAccess(_ connection: Connection, status: HTTPStatus, bytes: Int) {
        guard let accessLog = context.configuration.accessLog, let head = connection.head else { return }
        let elapsed = ServerContext.preciseNow() &- connection.requestStart
        accessLog(
            AccessLogEntry(
                method: head.method,
                path: String(head.rawPath),
                route: connection.routePattern,
                status: status,
                bytesSent: bytes,
                duration: .nanoseconds(Int64(elapsed)),
                remoteAddress: connection.remoteAddress,
                requestID: connection.requestID
            )
        )
    }

    /// The identifier header for the answer being written; a request refused before its head was complete
    /// (a malformed head, too large a header section) gets a made-up one here.
    private func requestIDLine(_ connection: Connection) -> (header: ResponseEncoder.RequestIDHeader, value: String)? {
        guard let header = requestIDHeader else { return nil }
        if let value = connection.requestID { return (header, value) }
        let value = requestIdentifiers.identifier(offered: nil)
        connection.requestID = value
        return (header, value)
    }

    func writeStreamChunk(_ connection: Connection, _ bytes: [UInt8], _ continuation: CheckedContinuation<Bool, Never>)
    {
        let start = output.count
        if connection.streamFraming == .chunked {
            ResponseEncoder.appendChunk(bytes, to: &output)
        } else {
            output.append(contentsOf: bytes)
        }
        connection.streamBytes += output.count - start
        flush(connection)
        guard connection.socket.isOpen else {
            continuation.resume(returning: false)
            return
        }
        if connection.unsentCount > context.configuration.streamHighWaterMark {
            if let earlier = connection.waitingWriter { earlier.resume(returning: true) }
            connection.waitingWriter = continuation
        } else {
            continuation.resume(returning: true)
        }
    }

    func endStream(_ connection: Connection) {
        if connection.streamFraming == .chunked {
            output.append(contentsOf: ResponseEncoder.lastChunk)
            connection.streamBytes += ResponseEncoder.lastChunk.count
        }
        if let head = connection.head, let accessLog = context.configuration.accessLog {
            accessLog(
                AccessLogEntry(
                    method: head.method,
                    path: String(head.rawPath),
                    route: connection.routePattern,
                    status: connection.streamStatus,
                    bytesSent: connection.streamBytes,
                    duration: .nanoseconds(Int64(ServerContext.preciseNow() &- connection.requestStart)),
                    remoteAddress: connection.remoteAddress,
                    requestID: connection.requestID
                )
            )
        }
        requestDone(connection, keepAlive: connection.streamKeepAlive && !draining)
    }

    /// Sends the loop's composed output for `connection` (one `send` for everything answered in this
    /// pass, pipelined responses included). What the kernel does not take is kept on the connection
    /// and sent when epoll reports it writable.
    func flush(_ connection: Connection) {
        defer {
            if output.capacity > 1 << 20 {
                output = []
                output.reserveCapacity(16 * 1024)
            } else {
                output.removeAll(keepingCapacity: true)
            }
        }
        guard connection.socket.isOpen else { return }
        if !output.isEmpty {
            if connection.unsentCount == 0 {
                let sent: Int?
                do {
                    sent = try output.withUnsafeBytes { bytes throws(SocketError) in try connection.socket.send(bytes) }
                } catch {
                    close(connection)
                    return
                }
                let taken = sent ?? 0
                if taken < output.count {
                    connection.output = Array(output[taken...])
                    connection.outputOffset = 0
                    connection.writeDeadline = now + context.writeTimeout
                    context.noteUnsentOutput(connection.unsentCount)
                }
            } else {
                connection.output.append(contentsOf: output)
                output.removeAll(keepingCapacity: true)
                context.noteUnsentOutput(connection.unsentCount)
                writeBacklog(connection)
                return
            }
        }
        afterWrite(connection)
    }

    /// Sends unsent output kept on the connection.
    func writeBacklog(_ connection: Connection) {
        guard connection.socket.isOpen else { return }
        if connection.unsentCount > 0 {
            let sent: Int?
            do {
                sent = try connection.output.withUnsafeBytes { bytes throws(SocketError) in
                    try connection.socket.send(UnsafeRawBufferPointer(rebasing: bytes[connection.outputOffset...]))
                }
            } catch {
                close(connection)
                return
            }
            if let sent, sent > 0 {
                connection.outputOffset += sent
                connection.writeDeadline = now + context.writeTimeout
            }
            if connection.unsentCount == 0 {
                connection.output = []
                connection.outputOffset = 0
                connection.writeDeadline = 0
                // Keep-alive idleness counts from the moment the client has all its answers.
                if connection.phase == .idle { connection.deadline = now + context.keepAliveTimeout }
            }
        }
        afterWrite(connection)
    }

    private func afterWrite(_ connection: Connection) {
        if let writer = connection.waitingWriter,
            connection.unsentCount <= context.configuration.streamHighWaterMark / 2
        {
            connection.waitingWriter = nil
            writer.resume(returning: true)
        }
        if connection.awaitingDrain && connection.unsentCount <= context.configuration.maxUnsentOutput / 2 {
            // The client caught up: answer the requests it already sent, then read again. `process` flushes
            // and comes back here, but with `awaitingDrain` cleared or the output above half again.
            connection.awaitingDrain = false
            continueAfterResponse(connection)
            return
        }
        if connection.unsentCount == 0 {
            if connection.phase == .closing {
                finishClosing(connection)
                return
            }
            if connection.peerClosed && connection.phase != .handling {
                close(connection)
                return
            }
        }
        updateInterest(connection)
    }

    /// Everything is sent after the final answer. An error answer may have left request bytes unread;
    /// closing now would reset the connection and could destroy the answer in flight, so shut our side
    /// down and drain the input for a while first.
    private func finishClosing(_ connection: Connection) {
        guard connection.lingerOnClose && !connection.peerClosed else {
            close(connection)
            return
        }
        connection.socket.shutdownWrite()
        connection.phase = .lingering
        connection.deadline = now + context.lingerTimeout
        connection.readingPaused = false
        updateInterest(connection)
    }
}
