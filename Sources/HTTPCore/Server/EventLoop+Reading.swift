import Glibc
import Logging

extension EventLoop {
    /// The socket has input (or hung up): read once into the loop's buffer behind any pending bytes,
    /// then parse and answer what is complete.
    func readable(_ connection: Connection) {
        let pending = connection.pendingInput.count
        if pending + 4096 > readBuffer.count {
            growReadBuffer(to: pending + context.configuration.readBufferSize)
        }
        if pending > 0 {
            connection.pendingInput.withUnsafeBytes { readBuffer.copyMemory(from: $0) }
        }
        let space = UnsafeMutableRawBufferPointer(rebasing: readBuffer[pending...])
        let count: Int
        do {
            guard let read = try connection.socket.read(into: space) else { return }
            count = read
        } catch {
            close(connection)
            return
        }
        if count == 0 {
            peerClosed(connection)
            return
        }
        switch connection.phase {
        case .lingering, .closing:
            return  // input after the last answer is discarded
        case .handling, .streaming:
            // Pipelined input behind the request in flight: keep it, up to a bound.
            connection.pendingInput.append(
                contentsOf: UnsafeRawBufferPointer(rebasing: readBuffer[pending..<pending + count]))
            if connection.pendingInput.count >= context.configuration.maxBufferedInput {
                connection.readingPaused = true
                updateInterest(connection)
            }
        case .idle, .readingHead, .readingBody:
            connection.pendingInput.removeAll()
            process(connection, count: pending + count)
        }
    }

    private func growReadBuffer(to size: Int) {
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        readBuffer.deallocate()
        readBuffer = bigger
    }

    private func peerClosed(_ connection: Connection) {
        switch connection.phase {
        case .handling:
            // The client may have only shut down its sending side and still wait for the answer:
            // stop polling the socket and send the response when it comes, then close.
            connection.peerClosed = true
            connection.interest = []
            poller.remove(connection.descriptor)
        default:
            close(connection)
        }
    }

    /// Parses `readBuffer[0..<count]`, answering complete requests, until input runs out, a request
    /// goes to an async handler or the client has too much output unread; keeps the unparsed rest; then
    /// sends what was answered.
    func process(_ connection: Connection, count: Int) {
        let bytes = UnsafeRawBufferPointer(start: readBuffer.baseAddress, count: count)
        var offset = 0
        let maxUnsent = context.configuration.maxUnsentOutput
        parsing: while connection.phase == .readingHead || connection.phase == .readingBody
            || (connection.phase == .idle && offset < count)
        {
            if connection.phase == .idle {
                // Between two requests: answer the next one only while the client keeps up with the answers.
                // Otherwise the rest stays buffered and the socket unread until the output drains to half.
                if output.count + connection.unsentCount > maxUnsent {
                    flush(connection)
                    guard connection.socket.isOpen else { return }
                    if connection.unsentCount > maxUnsent / 2 {
                        connection.awaitingDrain = true
                        break parsing
                    }
                }
                connection.phase = .readingHead
                connection.deadline = now + context.headerReadTimeout
            }
            let event: HTTPParserEvent?
            do {
                event = try connection.parser.next(bytes, offset: &offset)
            } catch {
                answerParseError(connection, error)
                break parsing
            }
            guard let event else { break parsing }
            switch event {
            case .head(let head):
                beginRequest(connection, head)
            case .body(let range):
                if connection.keepsBody {
                    connection.body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[range]))
                }
            case .end:
                finishRequest(connection)
            }
        }
        if offset < count && connection.phase != .closing && connection.phase != .lingering {
            connection.pendingInput.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<count]))
            if connection.pendingInput.count >= context.configuration.maxBufferedInput
                && (connection.phase == .handling || connection.phase == .streaming)
            {
                connection.readingPaused = true
            }
        }
        flush(connection)
    }

    /// After an async answer or a finished stream: parse requests already buffered, resume reading.
    func continueAfterResponse(_ connection: Connection) {
        guard connection.socket.isOpen else { return }
        if connection.phase == .idle && !connection.pendingInput.isEmpty && !connection.awaitingDrain {
            let pending = connection.pendingInput.count
            if pending > readBuffer.count { growReadBuffer(to: pending + context.configuration.readBufferSize) }
            connection.pendingInput.withUnsafeBytes { readBuffer.copyMemory(from: $0) }
            connection.pendingInput.removeAll()
            process(connection, count: pending)
        } else {
            flush(connection)
        }
        guard connection.socket.isOpen else { return }
        if connection.readingPaused && connection.phase != .handling && connection.phase != .streaming {
            connection.readingPaused = false
            updateInterest(connection)
        }
        if draining && connection.phase == .idle && connection.unsentCount == 0 {
            close(connection)
        }
    }

    private func beginRequest(_ connection: Connection, _ head: HTTPRequestHead) {
        connection.head = head
        connection.body = []
        connection.routePattern = nil
        if let header = requestIDHeader {
            connection.requestID = requestIdentifiers.identifier(offered: head.headers[header.name])
        }
        if context.configuration.accessLog != nil {
            connection.requestStart = ServerContext.preciseNow()
        }
        if draining {
            // Shutting down: refuse at the head, before inviting or reading a body that would be refused anyway.
            connection.lingerOnClose = true
            respond(connection, drainRefusal(), runsProducer: false, forceClose: true)
            return
        }
        var bodyLimit = context.configuration.parser.defaultBodyLimit
        switch context.router.resolve(method: head.method, path: head.rawPath) {
        case .matched(let route, let parameters):
            connection.target = .handler(route.handler, parameters)
            connection.routePattern = route.pattern
            connection.keepsBody = true
            if let limit = route.maxBodySize { bodyLimit = limit }
        case .methodNotAllowed(let allowed):
            var headers = HTTPHeaders()
            let methods = allowed.map(\.rawValue).joined(separator: ", ")
            headers.add(name: "Allow", value: methods)
            // The methods are the router's: the detail echoes nothing the client sent.
            connection.target = .response(
                .problem(.methodNotAllowed, detail: "This path takes only \(methods) (see Allow).", headers: headers))
            connection.keepsBody = false
        case .notFound:
            if let answer = context.router.unmatchedAnswer?(head) {
                connection.target = .response(answer)
                connection.keepsBody = false
            } else if let fallback = context.router.fallback {
                connection.target = .handler(fallback, HTTPPathParameters())
                connection.keepsBody = true
            } else {
                connection.target = .response(.problem(.notFound))
                connection.keepsBody = false
            }
        }
        connection.parser.bodyLimit = bodyLimit
        if head.framing != .none {
            connection.phase = .readingBody
            connection.deadline = now + context.bodyReadTimeout
        }
        guard head.framing != .none else { return }
        let invitesBody = head.expectsContinue && head.version == .http1_1
        // A chunked body's size is unknown until it ends: it may be over the limit too.
        var mayBeTooMuch = true
        if case .contentLength(let length) = head.framing { mayBeTooMuch = length > bodyLimit }
        // A request answered from its head (405, an unknown path): answer without inviting the body (Expect:
        // 100-continue, RFC 9110 §10.1.1) or reading one that may be over the limit (which would turn this
        // answer into a 413), then close since the body may still come.
        if case .response(let refusal) = connection.target, invitesBody || mayBeTooMuch {
            connection.lingerOnClose = true
            respond(connection, refusal, runsProducer: false, forceClose: true)
            return
        }
        guard invitesBody else { return }
        if case .contentLength(let length) = head.framing, length > bodyLimit {
            connection.lingerOnClose = true
            respond(
                connection, .problem(.contentTooLarge, detail: "the body exceeds \(bodyLimit) bytes"),
                runsProducer: false, forceClose: true)
            return
        }
        output.append(contentsOf: ResponseEncoder.continueResponse)
    }

    private func finishRequest(_ connection: Connection) {
        guard let head = connection.head, var target = connection.target else { return }
        if draining {
            // The head came before the drain, the rest after: answer in every sender's retry language instead of
            // starting work that the grace period may cut off.
            target = .response(drainRefusal())
        }
        switch target {
        case .response(let response):
            respond(connection, response, runsProducer: false)
        case .handler(.inline(let handler), let parameters):
            let request = takeRequest(connection, head, parameters)
            respond(connection, handler(request), runsProducer: true)
        case .handler(.inlineFirst(let attempt, let fallback), let parameters):
            let request = takeRequest(connection, head, parameters)
            if let response = attempt(request) {
                respond(connection, response, runsProducer: true)
            } else {
                startTask(connection, fallback, request)
            }
        case .handler(.handOffFirst(let attempt, let fallback), let parameters):
            let request = takeRequest(connection, head, parameters)
            let responder = HTTPResponder(
                handle: ConnectionHandle(loop: self, id: connection.id), isHead: request.method == .head)
            // The answer comes through the inbox, which this thread drains only after this returns.
            connection.phase = .handling
            connection.deadline = 0
            if !attempt(request, responder) {
                responder.withdraw()
                startTask(connection, fallback, request)
            }
        case .handler(.async(let handler), let parameters):
            let request = takeRequest(connection, head, parameters)
            startTask(connection, handler, request)
        }
    }

    /// The request of a finished head and body; the connection gives up its body buffer to it.
    private func takeRequest(_ connection: Connection, _ head: HTTPRequestHead, _ parameters: HTTPPathParameters)
        -> HTTPRequest
    {
        defer { connection.body = [] }
        var request = HTTPRequest(
            head: head, body: connection.body, pathParameters: parameters, remoteAddress: connection.remoteAddress)
        request.requestID = connection.requestID
        return request
    }

    /// Runs `handler` in a task; its answer comes back to this loop through the inbox.
    private func startTask(_ connection: Connection, _ handler: @escaping HTTPHandler, _ request: HTTPRequest) {
        connection.phase = .handling
        connection.deadline = 0
        let handle = ConnectionHandle(loop: self, id: connection.id)
        let logger = self.logger
        let route = connection.routePattern ?? "(fallback)"  // never the raw path: it may hold a credential
        connection.task = Task {
            let response: HTTPResponse
            do {
                response = try await handler(request)
            } catch {
                logger.debug(
                    "handler failed; answering 500",
                    metadata: [
                        "method": "\(request.method)", "route": "\(route)",
                        "error": "\(String(reflecting: type(of: error)))", "request-id": "\(request.requestID ?? "-")",
                    ]
                )
                response = .problem(.internalServerError)
            }
            handle.send(.respond(handle.id, response))
            if case .stream(let producer) = response.body, request.method != .head, response.status.mayHaveBody {
                await EventLoop.runProducer(producer, handle: handle)
            }
        }
    }

    static func runProducer(_ producer: @Sendable (HTTPBodyWriter) async throws -> Void, handle: ConnectionHandle) async
    {
        do {
            try await producer(HTTPBodyWriter(connection: handle))
            handle.send(.streamEnd(handle.id))
        } catch {
            handle.send(.streamAbort(handle.id))
        }
    }

    private func answerParseError(_ connection: Connection, _ error: HTTPParseError) {
        logger.debug("request rejected", metadata: ["status": "\(error.status.code)", "reason": "\(error.reason)"])
        connection.lingerOnClose = true
        respond(connection, .problem(error.status, detail: error.reason), runsProducer: false, forceClose: true)
    }

    /// 503 with `Retry-After` for requests that arrive while the server drains.
    private func drainRefusal() -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Retry-After", value: String(context.configuration.drainRetryAfterSeconds))
        return .problem(.serviceUnavailable, detail: "the server is shutting down; retry later", headers: headers)
    }
}
