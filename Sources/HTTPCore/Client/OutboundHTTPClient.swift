import Glibc

/// A small blocking HTTP/1.1 client for outbound webhooks, run on a thread of its own (never on an event loop
/// or the concurrency pool): resolves the host once, lets the caller vet the address, connects to exactly
/// that address, sends one request with `Connection: close` and reads the answer up to a cap. Redirects are
/// not followed: a 3xx is an answer like any other, for the caller to judge.
public struct OutboundHTTPClient: Sendable {
    public struct Configuration: Sendable {
        /// Connecting may take this long (a dead host should not hold a delivery for the whole budget).
        public var connectTimeout: Double = 5
        /// The whole request, connect included, takes at most this long.
        public var totalTimeout: Double = 10
        /// The answer's body is read up to this many bytes; the rest is dropped.
        public var maxBodySize: Int = 64 * 1024
        /// The answer's head may be this large.
        public var maxHeadSize: Int = 16 * 1024

        public init() {}
    }

    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Sends `request` on a new thread and returns the answer. `vet` gets the resolved address as 4 or 16
    /// bytes and returns why it is refused, or nil to connect.
    public func send(
        _ request: OutboundRequest, vet: @escaping @Sendable ([UInt8]) -> String?
    ) async -> Result<OutboundResponse, OutboundError> {
        await withCheckedContinuation { continuation in
            let configuration = configuration
            let thread = OutboundThread {
                continuation.resume(returning: Self.perform(request, vet: vet, configuration: configuration))
            }
            thread.start()
        }
    }

    /// Resolves `host` once, as `send` does, and returns the address (4 or 16 bytes, and as text: `[::1]` for
    /// IPv6); for clients that connect by other means (libcurl, told the address) after vetting it.
    public static func resolve(host: String, port: Int) -> Result<(bytes: [UInt8], text: String), OutboundError> {
        ResolvedAddress.resolve(host: host, port: port).map { ($0.bytes, $0.text) }
    }

    /// Runs blocking work on a thread of its own and returns its result.
    public static func runBlocking<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            OutboundThread { continuation.resume(returning: work()) }.start()
        }
    }

    /// The blocking work: resolve, vet, connect, write, read.
    static func perform(
        _ request: OutboundRequest, vet: ([UInt8]) -> String?, configuration: Configuration
    ) -> Result<OutboundResponse, OutboundError> {
        let deadline = Monotonic.now() + configuration.totalTimeout
        let address: ResolvedAddress
        switch ResolvedAddress.resolve(host: request.host, port: request.port) {
        case .success(let resolved): address = resolved
        case .failure(let error): return .failure(error)
        }
        if let reason = vet(address.bytes) {
            return .failure(.refused(host: request.host, address: address.text, reason: reason))
        }
        let descriptor = socket(
            Int32(address.family),
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .failure(.connect(address: address.text, reason: Self.errorText(errno))) }
        defer { SystemCall.closeDescriptor(descriptor) }
        let connectDeadline = min(deadline, Monotonic.now() + configuration.connectTimeout)
        if let error = connect(descriptor, to: address, deadline: connectDeadline, budget: configuration.connectTimeout)
        {
            return .failure(error)
        }
        var head =
            "\(request.method) \(request.target) HTTP/1.1\r\nHost: \(address.hostHeader(request.host, port: request.port))\r\n"
        for header in request.headers { head += "\(header.name): \(header.value)\r\n" }
        head += "Content-Length: \(request.body.count)\r\nConnection: close\r\n\r\n"
        var output = Array(head.utf8)
        output.append(contentsOf: request.body)
        if let error = write(output, to: descriptor, deadline: deadline, budget: configuration.totalTimeout) {
            return .failure(error)
        }
        return read(from: descriptor, deadline: deadline, configuration: configuration)
    }

    static func connect(_ descriptor: Int32, to address: ResolvedAddress, deadline: Double, budget: Double)
        -> OutboundError?
    {
        let result = address.storage.withUnsafeBytes { raw in
            Glibc.connect(
                descriptor, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(address.length))
        }
        if result != 0 {
            let code = errno
            guard code == EINPROGRESS || code == EINTR else {
                return .connect(address: address.text, reason: errorText(code))
            }
            guard wait(descriptor, for: Int16(POLLOUT), until: deadline) else {
                return .timeout(phase: "connecting to \(address.text)", seconds: budget)
            }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
            if failure != 0 { return .connect(address: address.text, reason: errorText(failure)) }
        }
        return nil
    }

    static func write(_ bytes: [UInt8], to descriptor: Int32, deadline: Double, budget: Double) -> OutboundError? {
        var offset = 0
        while offset < bytes.count {
            let outcome: SystemCallResult<Int>
            do {
                outcome = try bytes.withUnsafeBytes { raw in
                    try SystemCall.run("send") {
                        Glibc.send(descriptor, raw.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                    }
                }
            } catch {
                return .io("sending the request: \(error)")
            }
            switch outcome {
            case .completed(let sent): offset += sent
            case .wouldBlock:
                guard wait(descriptor, for: Int16(POLLOUT), until: deadline) else {
                    return .timeout(phase: "sending the request", seconds: budget)
                }
            }
        }
        return nil
    }

    static func read(from descriptor: Int32, deadline: Double, configuration: Configuration)
        -> Result<OutboundResponse, OutboundError>
    {
        var received: [UInt8] = []
        var headEnd: Int?
        var contentLength: Int?
        var status = 0
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            if let headEnd {
                let bodyCount = received.count - headEnd
                if let contentLength, bodyCount >= contentLength { break }
                if bodyCount >= configuration.maxBodySize { break }
            }
            let outcome: SystemCallResult<Int>
            do {
                outcome = try buffer.withUnsafeMutableBytes { raw in
                    try SystemCall.run("recv") { Glibc.recv(descriptor, raw.baseAddress!, raw.count, 0) }
                }
            } catch {
                return .failure(.io("reading the answer: \(error)"))
            }
            switch outcome {
            case .wouldBlock:
                if wait(descriptor, for: Int16(POLLIN), until: deadline) { continue }
                // The status is the answer; a receiver slow to finish (or close) its body has still answered it.
                if headEnd != nil { break }
                return .failure(.timeout(phase: "waiting for the answer", seconds: configuration.totalTimeout))
            case .completed(0):
                guard headEnd != nil else {
                    return .failure(.malformedResponse("the connection closed before a complete answer head"))
                }
            case .completed(let count):
                received.append(contentsOf: buffer[0..<count])
                if headEnd == nil {
                    if let end = Self.headEnd(in: received) {
                        headEnd = end
                        switch Self.parseHead(received[0..<end]) {
                        case .success(let parsed): (status, contentLength) = parsed
                        case .failure(let error): return .failure(error)
                        }
                    } else if received.count > configuration.maxHeadSize {
                        return .failure(
                            .malformedResponse("answer head larger than \(configuration.maxHeadSize) bytes"))
                    }
                }
                continue
            }
            break
        }
        let start = headEnd ?? received.count
        let body = Array(received[start...].prefix(configuration.maxBodySize))
        return .success(
            OutboundResponse(status: status, body: body, truncated: received.count - start > configuration.maxBodySize))
    }

    /// The index just past the blank line ending the head.
    static func headEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// The status code and `Content-Length` of an answer head.
    static func parseHead(_ head: ArraySlice<UInt8>) -> Result<(Int, Int?), OutboundError> {
        let text = String(decoding: head, as: UTF8.self)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: true)
        guard let statusLine = lines.first else { return .failure(.malformedResponse("no status line")) }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3, let status = Int(parts[1]),
            (100...599).contains(status)
        else {
            return .failure(.malformedResponse("status line '\(statusLine.prefix(80))'"))
        }
        var contentLength: Int?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "content-length" {
                contentLength = Int(line[line.index(after: colon)...].trimmingSpaces)
            }
        }
        return .success((status, contentLength))
    }

    /// Polls one descriptor for `events` until the monotonic `deadline`; false on timeout.
    static func wait(_ descriptor: Int32, for events: Int16, until deadline: Double) -> Bool {
        while true {
            let remaining = deadline - Monotonic.now()
            if remaining <= 0 { return false }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let result = poll(&entry, 1, Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if result > 0 { return true }
            if result < 0 && errno != EINTR { return true }
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return text
    }
}

/// Seconds on the monotonic clock, for timeouts that must not jump with the wall clock.
enum Monotonic {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
