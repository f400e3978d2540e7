import Foundation
import Glibc

/// One Server-Sent Event as a client sees it; `comment` holds a comment line's text instead (heartbeats).
struct ReceivedEvent: Sendable {
    var id: String?
    var event: String?
    var data: String
    var comment: String?

    func object() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else {
            throw TestFailure("event data is not a JSON object: \(data)")
        }
        return object
    }
}

/// A blocking client of `GET /api/v1/stream` over a real socket: sends the request, decodes the chunked body
/// and parses `text/event-stream` frames. Its blocking reads run on a thread of their own (see `events`), never
/// on Swift's cooperative pool, where the server under test runs its handlers.
final class EventStreamClient: @unchecked Sendable {
    let status: Int
    let headers: [String: String]
    private let socket: Int32
    private var raw: [UInt8] = []  // received, not yet de-chunked
    private var body: [UInt8] = []  // de-chunked, not yet parsed into events
    private var bodyEnded = false

    /// Connects and reads the response head. `timeout` bounds each read.
    init(port: Int, path: String = "/api/v1/stream", headers requestHeaders: [String: String], timeout: Double = 10)
        throws
    {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw TestFailure("connect failed: errno \(errno)")
        }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        for (name, value) in requestHeaders { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }

        var head: [UInt8] = []
        var leftover: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = head.firstRange(of: Array("\r\n\r\n".utf8)) {
                leftover = Array(head[end.upperBound...])
                head = Array(head[..<end.lowerBound])
                break
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else {
                Glibc.close(fd)
                throw TestFailure("no response head")
            }
            head.append(contentsOf: buffer[0..<count])
        }
        socket = fd
        raw = leftover
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var parsed: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            parsed[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        headers = parsed
    }

    deinit { Glibc.close(socket) }

    /// Connects on a thread of its own: the blocking connect and head read must not hold one of the
    /// cooperative pool's threads, which the server under test needs to answer.
    static func open(port: Int, path: String = "/api/v1/stream", headers: [String: String]) async throws
        -> EventStreamClient
    {
        let outcome: Result<EventStreamClient, any Error> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { try EventStreamClient(port: port, path: path, headers: headers) })
            }
            thread.start()
        }
        return try outcome.get()
    }

    /// Reads until `count` events (comments included when `includeComments`) have arrived, the stream ends, or
    /// `timeout` passes; returns what arrived. Runs its blocking reads on a thread of its own.
    func events(_ count: Int, includeComments: Bool = false, timeout: Double = 10) async -> [ReceivedEvent] {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: self.readEvents(count, includeComments: includeComments, timeout: timeout))
            }
            thread.start()
        }
    }

    /// Everything until the server ends the body (or `timeout`); true when it ended.
    func waitForEnd(timeout: Double = 10) async -> Bool {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                _ = self.readEvents(Int.max, includeComments: true, timeout: timeout)
                continuation.resume(returning: self.bodyEnded)
            }
            thread.start()
        }
    }

    private func readEvents(_ count: Int, includeComments: Bool, timeout: Double) -> [ReceivedEvent] {
        let deadline = Date().addingTimeInterval(timeout)
        var events: [ReceivedEvent] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while events.count < count {
            while let frame = nextFrame() {
                if frame.comment == nil || includeComments { events.append(frame) }
                if events.count == count { return events }
            }
            if bodyEnded || Date() >= deadline { break }
            let received = recv(socket, &buffer, buffer.count, 0)
            if received > 0 {
                raw.append(contentsOf: buffer[0..<received])
                dechunk()
            } else if received == 0 {
                bodyEnded = true
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                bodyEnded = true
            }
        }
        return events
    }

    /// Moves complete chunks from `raw` into `body`; a zero-size chunk ends the body.
    private func dechunk() {
        while let lineEnd = raw.firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: raw[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else { return }
            if size == 0 {
                bodyEnded = true
                return
            }
            let start = lineEnd.upperBound
            guard raw.count >= start + size + 2 else { return }
            body.append(contentsOf: raw[start..<start + size])
            raw.removeFirst(start + size + 2)
        }
    }

    /// Parses one frame (up to a blank line) off `body`.
    private func nextFrame() -> ReceivedEvent? {
        guard let end = body.firstRange(of: Array("\n\n".utf8)) else { return nil }
        let text = String(decoding: body[..<end.lowerBound], as: UTF8.self)
        body.removeFirst(end.upperBound)
        var event = ReceivedEvent(data: "")
        var dataLines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(":") {
                event.comment = line.dropFirst().trimmingCharacters(in: .whitespaces)
                continue
            }
            let (field, value) = Self.field(line)
            switch field {
            case "id": event.id = value
            case "event": event.event = value
            case "data": dataLines.append(value)
            default: break  // retry:, unknown fields
            }
        }
        event.data = dataLines.joined(separator: "\n")
        if event.comment == nil && event.id == nil && event.event == nil && dataLines.isEmpty {
            return nextFrame() ?? nil  // a frame of only `retry:`
        }
        return event
    }

    private static func field(_ line: Substring) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (String(line), "") }
        var value = line[line.index(after: colon)...]
        if value.first == " " { value = value.dropFirst() }
        return (String(line[..<colon]), String(value))
    }
}
