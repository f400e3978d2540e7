import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Asks a running Klaxon for `GET /healthz` (or `/readyz` with `--ready`); exits 0 when it answers 200.
/// The container image has no curl, so its HEALTHCHECK runs this.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 when the Klaxon at --host/--port answers GET /healthz (or /readyz with --ready) with 200."
    )

    @Option(help: "Host of the running server (env KLAXON_HOST; 0.0.0.0 and :: mean this machine).")
    var host: String?

    @Option(help: "Port of the running server (env KLAXON_PORT; default 8080).")
    var port: Int?

    @Option(help: "Seconds to wait for the connection and for the answer (at least 1).")
    var timeout: Int = 5

    @Flag(help: "Check GET /readyz instead: 200 only while the database takes writes and is migrated.")
    var ready = false

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be 1 to 65535, got \(port)") }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
    }

    func run() throws {
        let environment = Environment()
        let port = try port ?? environment.integer("KLAXON_PORT") ?? 8080
        guard (1...65535).contains(port) else { throw ValidationError("KLAXON_PORT must be 1 to 65535, got \(port)") }
        let target =
            switch host ?? environment["KLAXON_HOST"] ?? "127.0.0.1" {
            case "0.0.0.0", "": "127.0.0.1"
            case "::", "[::]": "::1"
            case let named: named
            }
        let path = ready ? "/readyz" : "/healthz"
        do {
            var probe = HealthProbe(host: target, port: port, timeoutSeconds: timeout)
            let status = try probe.status(of: path)
            guard status == 200 else {
                print("unhealthy: \(path) answered \(status)" + (probe.detail.map { ": \($0)" } ?? ""))
                throw ExitCode(1)
            }
            print(ready ? "ready" : "healthy")
        } catch let error as HealthProbe.Failure {
            print("unhealthy: \(error.message)")
            throw ExitCode(1)
        }
    }
}

/// A minimal blocking HTTP/1.1 client for one request: enough for a health probe, nothing more.
struct HealthProbe {
    struct Failure: Error {
        let message: String
    }

    let host: String
    let port: Int
    let timeoutSeconds: Int
    private(set) var lastAnswer: [UInt8] = []

    mutating func status(of path: String) throws(Failure) -> Int {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let lookup = getaddrinfo(host, String(port), &hints, &results)
        guard lookup == 0, let first = results else {
            throw Failure(message: "cannot resolve \(host): \(String(cString: gai_strerror(lookup)))")
        }
        defer { freeaddrinfo(results) }

        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw Failure(message: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            throw Failure(message: "connect to \(host):\(port): \(reason(errno))")
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        guard send(fd, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else {
            throw Failure(message: "send: \(reason(errno))")
        }
        var response = [UInt8](repeating: 0, count: 8192)
        var received = 0
        while received < 12 {
            let count = response.withUnsafeMutableBytes { buffer in
                recv(fd, buffer.baseAddress! + received, buffer.count - received, 0)
            }
            guard count > 0 else {
                throw Failure(message: count == 0 ? "connection closed early" : reason(errno))
            }
            received += count
        }
        // "HTTP/1.1 200 ..." : the status code is bytes 9..<12.
        guard let status = Int(String(decoding: response[9..<12], as: UTF8.self)) else {
            throw Failure(message: "not an HTTP answer")
        }
        if status != 200 {
            // The rest of a short answer (Connection: close), for the reason it gives: at most 8 KiB, and within
            // one more timeout in all, however slowly it trickles.
            let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
            while received < response.count {
                let left = deadline - ContinuousClock.now
                guard left > .zero else { break }
                var wait = timeval(
                    tv_sec: Int(left.components.seconds),
                    tv_usec: max(1, Int(left.components.attoseconds / 1_000_000_000_000)))
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
                let count = response.withUnsafeMutableBytes { buffer in
                    recv(fd, buffer.baseAddress! + received, buffer.count - received, 0)
                }
                guard count > 0 else { break }
                received += count
            }
            lastAnswer = Array(response[..<received])
        }
        return status
    }

    /// The detail of a problem answer (RFC 9457 `detail`) read by the last `status(of:)`, when it gave one.
    var detail: String? {
        guard let separator = lastAnswer.firstRange(of: Array("\r\n\r\n".utf8)),
            let object = try? JSONSerialization.jsonObject(with: Data(lastAnswer[separator.upperBound...]))
                as? [String: Any]
        else { return nil }
        return object["detail"] as? String
    }

    /// A timed-out socket call fails with EAGAIN or EINPROGRESS, whose texts do not say so.
    private func reason(_ code: Int32) -> String {
        if code == EAGAIN || code == EWOULDBLOCK || code == EINPROGRESS {
            return "no answer within \(timeoutSeconds) s"
        }
        return String(cString: strerror(code))
    }
}
