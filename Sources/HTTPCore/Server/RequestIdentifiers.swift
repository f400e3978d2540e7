/// The identifiers of one event loop's requests (see ``HTTPServerConfiguration/requestIDHeader``).
///
/// A made-up identifier is six hex digits, a dash, and the loop's request count in hex (`3f9a0c-1b`). The
/// server draws a random number when it starts and loop N uses it plus N: unique within the process, unlikely
/// to repeat after a restart, and at most 15 bytes for a loop's first 4.29 billion requests, so Swift keeps it
/// inline without allocating (a 16th byte would cost a heap string per request).
struct RequestIdentifiers {
    private let prefix: UInt32
    private var count: UInt64 = 0

    init(prefix: UInt32) {
        self.prefix = prefix
    }

    /// The client's `offered` value when it is usable, else the next made-up one.
    mutating func identifier(offered: String?) -> String {
        if let offered, Self.isUsable(offered) { return offered }
        count &+= 1
        return Self.format(prefix: prefix, count: count)
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// The low 24 bits of `prefix` as six hex digits, a dash, `count` in hex: written straight into the string's
    /// storage (this runs for every request, and `String(_:radix:)` costs more than the rest of it).
    static func format(prefix: UInt32, count: UInt64) -> String {
        let countDigits = max(1, (64 - count.leadingZeroBitCount + 3) / 4)
        return String(unsafeUninitializedCapacity: 7 + countDigits) { buffer in
            let digits = hexDigits.utf8Start
            for index in 0..<6 { buffer[index] = digits[Int((prefix >> UInt32(20 - 4 * index)) & 0xF)] }
            buffer[6] = UInt8(ascii: "-")
            for index in 0..<countDigits {
                buffer[7 + index] = digits[Int((count >> UInt64(4 * (countDigits - 1 - index))) & 0xF)]
            }
            return 7 + countDigits
        }
    }

    /// 1 to 128 visible ASCII characters (`!` to `~`): safe to echo in a header and to write in a log line
    /// as one word, and long enough for a UUID, a W3C trace id or a proxy's own request id.
    static func isUsable(_ value: String) -> Bool {
        let bytes = value.utf8
        guard !bytes.isEmpty && bytes.count <= 128 else { return false }
        return bytes.allSatisfy { $0 >= 0x21 && $0 <= 0x7E }
    }
}
