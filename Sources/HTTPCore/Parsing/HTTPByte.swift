/// Character classes of RFC 9110 / RFC 9112 as bit tests on a byte: no table lookups behind a lazy global, no calls
/// the optimizer cannot inline on the per-byte paths of the parser.
enum HTTPByte {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")

    /// tchar (RFC 9110 §5.6.2): "!#$%&'*+-.^_`|~", digits and letters; bit n of the low mask is byte n,
    /// bit n of the high mask is byte 64 + n.
    private static let tokenLow: UInt64 = 0x03ff_6cfa_0000_0000
    private static let tokenHigh: UInt64 = 0x57ff_ffff_c7ff_fffe

    /// The bytes of a Host field value: unreserved, sub-delims, "%" of pct-encoded, ":" before the port and the
    /// brackets of an IP-literal (RFC 3986 §3.2.2, RFC 9110 §7.2); except ",", which no DNS name holds and which is
    /// what two Host values joined into one line look like.
    private static let hostLow: UInt64 = 0x2fff_6ff2_0000_0000
    private static let hostHigh: UInt64 = 0x47ff_fffe_afff_fffe

    @inline(__always)
    static func isToken(_ byte: UInt8) -> Bool {
        inMask(byte, low: tokenLow, high: tokenHigh)
    }

    @inline(__always)
    static func isHostCharacter(_ byte: UInt8) -> Bool {
        inMask(byte, low: hostLow, high: hostHigh)
    }

    /// field-vchar, SP or HTAB: what a field value may hold (RFC 9110 §5.5). Excludes NUL, CR, LF, the other
    /// controls and DEL; allows obs-text (bytes >= 0x80).
    @inline(__always)
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        (byte >= 0x20 && byte != 0x7F) || byte == tab
    }

    /// VCHAR (0x21...0x7E), the bytes a request-target may hold here.
    @inline(__always)
    static func isVisible(_ byte: UInt8) -> Bool {
        byte &- 0x21 < 0x5E
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte &- UInt8(ascii: "A") &+ 10)
        default: nil
        }
    }

    @inline(__always)
    private static func inMask(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        if byte < 64 {
            return (low >> UInt64(byte)) & 1 == 1
        }
        if byte < 128 {
            return (high >> UInt64(byte &- 64)) & 1 == 1
        }
        return false
    }
}
