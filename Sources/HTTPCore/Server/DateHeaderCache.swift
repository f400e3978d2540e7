import Glibc

/// The `Date` header line (RFC 9110 §5.6.7 IMF-fixdate), formatted at most once per second per loop.
struct DateHeaderCache {
    private var second = -1
    private(set) var line: [UInt8] = []

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Reformats the line if `epochSeconds` moved on since the last call.
    @inline(__always)
    mutating func update(epochSeconds: Int) {
        guard epochSeconds != second else { return }
        second = epochSeconds
        line = Self.format(epochSeconds: epochSeconds)
    }

    static func format(epochSeconds: Int) -> [UInt8] {
        var time = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var line: [UInt8] = []
        line.reserveCapacity(40)
        line.append(contentsOf: "Date: ".utf8)
        line.append(contentsOf: weekdays[Int(parts.tm_wday)].utf8)
        line.append(contentsOf: ", ".utf8)
        appendTwoDigits(Int(parts.tm_mday), to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: months[Int(parts.tm_mon)].utf8)
        line.append(UInt8(ascii: " "))
        let year = Int(parts.tm_year) + 1900
        appendTwoDigits(year / 100, to: &line)
        appendTwoDigits(year % 100, to: &line)
        line.append(UInt8(ascii: " "))
        appendTwoDigits(Int(parts.tm_hour), to: &line)
        line.append(UInt8(ascii: ":"))
        appendTwoDigits(Int(parts.tm_min), to: &line)
        line.append(UInt8(ascii: ":"))
        appendTwoDigits(Int(parts.tm_sec), to: &line)
        line.append(contentsOf: " GMT\r\n".utf8)
        return line
    }

    private static func appendTwoDigits(_ value: Int, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "0") + UInt8(value / 10 % 10))
        line.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
