import Glibc
import Synchronization

/// Collects log lines in memory and writes them to a descriptor in batches: every `interval`, when
/// `capacity` bytes are waiting, and on `flush()`. Under load the access log then costs a copy per
/// request instead of a system call per request.
final class LogLineSink: Sendable {
    private let descriptor: Int32
    private let capacity: Int
    private struct Pending {
        var bytes: [UInt8] = []
        /// `2026-11-27T08:52:06` for `second`, formatted once per second.
        var second = -1
        var secondText: [UInt8] = []
    }

    private let pending = Mutex(Pending())

    init(descriptor: Int32 = STDERR_FILENO, capacity: Int = 64 * 1024) {
        self.descriptor = descriptor
        self.capacity = capacity
    }

    /// Appends `2026-11-27T08:52:06.260Z` (UTC, now) followed by `line` and a newline.
    func append(timestamped line: String) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let millis = Int(now.tv_nsec / 1_000_000)
        let full = pending.withLock { pending in
            if pending.second != now.tv_sec {
                pending.second = now.tv_sec
                pending.secondText = Self.formatSecond(now.tv_sec)
            }
            pending.bytes.append(contentsOf: pending.secondText)
            pending.bytes.append(UInt8(ascii: "."))
            pending.bytes.append(UInt8(ascii: "0") + UInt8(millis / 100))
            pending.bytes.append(UInt8(ascii: "0") + UInt8(millis / 10 % 10))
            pending.bytes.append(UInt8(ascii: "0") + UInt8(millis % 10))
            pending.bytes.append(UInt8(ascii: "Z"))
            pending.bytes.append(contentsOf: line.utf8)
            pending.bytes.append(UInt8(ascii: "\n"))
            return pending.bytes.count >= capacity
        }
        if full { flush() }
    }

    private static func formatSecond(_ epochSeconds: Int) -> [UInt8] {
        var seconds = epochSeconds
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int = 2) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let text =
            "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T"
            + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))"
        return Array(text.utf8)
    }

    /// Writes everything waiting. Safe from any thread.
    func flush() {
        let bytes = pending.withLock { pending in
            let taken = pending.bytes
            pending.bytes.removeAll(keepingCapacity: true)
            return taken
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }  // stderr gone: drop the lines rather than block
            written += count
        }
    }

    /// Flushes every `interval` until the task is cancelled, then once more.
    func runPeriodicFlush(interval: Duration = .milliseconds(100)) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            flush()
        }
        flush()
    }
}
