import Foundation
import Glibc
import Synchronization

/// A small SMTP server on 127.0.0.1 for the mail tests: a real socket, one blocking thread, one connection at a
/// time. It greets, answers EHLO without extensions (so no STARTTLS and no AUTH), takes MAIL and RCPT, and
/// DATA up to the lone dot; RCPT and the end of data answer from the queues it was given (then 250).
final class TestSMTPResponder: Sendable {
    struct Mail: Sendable {
        var from: String
        var recipients: [String]
        /// The data as it came, dot-stuffing undone, without the final dot line.
        var data: String
    }

    let port: Int
    private let listener: Int32
    private let state: Mutex<(mails: [Mail], rcptReplies: [String], dataReplies: [String])>

    init(rcptReplies: [String] = [], dataReplies: [String] = []) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw TestFailure("cannot listen: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        state = Mutex(([], rcptReplies, dataReplies))
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    var url: String { "smtp://127.0.0.1:\(port)" }
    var mails: [Mail] { state.withLock { $0.mails } }

    func stop() {
        _ = shutdown(listener, Int32(SHUT_RDWR))
        _ = close(listener)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            _ = setsockopt(
                connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            serve(connection)
            _ = close(connection)
        }
    }

    private func serve(_ connection: Int32) {
        var buffer: [UInt8] = []
        func send(_ line: String) { _ = Array((line + "\r\n").utf8).withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        func readLine() -> String? {
            while true {
                if let end = buffer.indices.dropLast().first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) {
                    let line = String(decoding: buffer[..<end], as: UTF8.self)
                    buffer.removeFirst(end + 2)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                if count <= 0 { return nil }
                buffer += chunk[..<count]
            }
        }
        send("220 test.invalid ESMTP")
        var from = ""
        var recipients: [String] = []
        while let line = readLine() {
            let verb = line.prefix { $0 != " " && $0 != ":" }.uppercased()
            switch verb {
            case "EHLO", "HELO":
                send("250 test.invalid")
            case "MAIL":
                from = String(line.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" })
                recipients = []
                send("250 2.1.0 Ok")
            case "RCPT":
                let reply = state.withLock { $0.rcptReplies.isEmpty ? "250 2.1.5 Ok" : $0.rcptReplies.removeFirst() }
                if reply.hasPrefix("2") {
                    recipients.append(String(line.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" }))
                }
                send(reply)
            case "DATA":
                send("354 End data with <CR><LF>.<CR><LF>")
                var lines: [String] = []
                while let dataLine = readLine(), dataLine != "." {
                    lines.append(dataLine.hasPrefix(".") ? String(dataLine.dropFirst()) : dataLine)
                }
                let mail = Mail(from: from, recipients: recipients, data: lines.joined(separator: "\r\n"))
                let reply = state.withLock { state -> String in
                    state.mails.append(mail)
                    return state.dataReplies.isEmpty ? "250 2.0.0 Ok: queued" : state.dataReplies.removeFirst()
                }
                send(reply)
            case "QUIT":
                send("221 2.0.0 Bye")
                return
            default:
                send("250 Ok")
            }
        }
    }
}
