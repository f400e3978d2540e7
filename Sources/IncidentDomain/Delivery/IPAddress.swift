/// An IP address as the delivery worker connects to it: four or sixteen bytes. Parsing accepts every
/// spelling a resolver would turn into an address, so the SSRF guard sees through `2130706433`,
/// `0177.0.0.1` and `0x7f.1` as well as through `[::ffff:127.0.0.1]`.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    case v4(UInt32)
    /// Sixteen bytes, network order.
    case v6([UInt8])

    /// A host spelled as an address, in any form `inet_aton` (IPv4: one to four parts, each decimal, octal
    /// with a leading 0, or hex with 0x) or RFC 4291 (IPv6, optionally in brackets) accepts; nil for a name.
    public init?(literal host: some StringProtocol) {
        var text = Substring(host)
        if text.hasPrefix("["), text.hasSuffix("]") {
            text = text.dropFirst().dropLast()
            guard let bytes = Self.parseV6(text) else { return nil }
            self = .v6(bytes)
            return
        }
        if let value = Self.parseV4(text) {
            self = .v4(value)
        } else if let bytes = Self.parseV6(text) {
            self = .v6(bytes)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .v4(let value):
            return [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xff) }.joined(separator: ".")
        case .v6(let bytes):
            var groups: [String] = []
            for index in stride(from: 0, to: 16, by: 2) {
                groups.append(String(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]), radix: 16))
            }
            return groups.joined(separator: ":")
        }
    }

    /// The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`) or IPv4-compatible (`::a.b.c.d`) IPv6 address.
    public var embeddedV4: UInt32? {
        guard case .v6(let bytes) = self, bytes[0..<10].allSatisfy({ $0 == 0 }) else { return nil }
        let marker = (bytes[10], bytes[11])
        guard marker == (0xff, 0xff) || (marker == (0, 0) && bytes[12..<16].contains { $0 != 0 }) else { return nil }
        return bytes[12..<16].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// `inet_aton`: `a`, `a.b`, `a.b.c` or `a.b.c.d`; the last part fills the remaining bytes.
    static func parseV4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var values: [UInt64] = []
        for part in parts {
            guard let value = parseNumber(part) else { return nil }
            values.append(value)
        }
        var result: UInt64 = 0
        for (index, value) in values.dropLast().enumerated() {
            guard value <= 0xff else { return nil }
            result |= value << UInt64(8 * (3 - index))
        }
        let lastBits = 8 * (4 - (values.count - 1))
        guard let last = values.last, last < (UInt64(1) << UInt64(lastBits)) else { return nil }
        return UInt32(result | last)
    }

    /// One `inet_aton` part: `0x1f` hex, `017` octal, `17` decimal.
    static func parseNumber(_ part: Substring) -> UInt64? {
        guard !part.isEmpty, part.count <= 34 else { return nil }
        if part.hasPrefix("0x") || part.hasPrefix("0X") {
            let digits = part.dropFirst(2)
            return digits.isEmpty ? 0 : UInt64(digits, radix: 16)
        }
        if part.count > 1, part.hasPrefix("0") { return UInt64(part.dropFirst(), radix: 8) }
        guard part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(part)
    }

    /// RFC 4291 text form: eight hex groups, one `::`, an optional dotted IPv4 tail; a `%zone` is refused.
    static func parseV6(_ text: Substring) -> [UInt8]? {
        guard text.contains(":"), !text.contains("%"), text.count <= 45 else { return nil }
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var sawGap = false
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        sawGap = halves.count == 2
        func groups(_ part: String, allowV4: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if allowV4, index == pieces.count - 1, piece.contains(".") {
                    let octets = piece.split(separator: ".", omittingEmptySubsequences: false)
                    guard octets.count == 4 else { return nil }
                    var bytes: [UInt16] = []
                    for octet in octets {
                        guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                            let value = UInt16(octet), value <= 255
                        else { return nil }
                        bytes.append(value)
                    }
                    result.append(bytes[0] << 8 | bytes[1])
                    result.append(bytes[2] << 8 | bytes[3])
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let first = groups(halves[0], allowV4: !sawGap) else { return nil }
        head = first
        if sawGap {
            guard let second = groups(halves[1], allowV4: true) else { return nil }
            tail = second
            guard head.count + tail.count <= 7 else { return nil }
        } else {
            guard head.count == 8 else { return nil }
        }
        let all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}
