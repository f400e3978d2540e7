/// Checks that bytes are one JSON text exactly as RFC 8259 writes it, in UTF-8, with no object naming a member
/// twice (I-JSON, RFC 7493): what Foundation's parsers let through (a trailing comma, `"title"` twice, of
/// which one silently wins) is refused before they run.
public enum StrictJSON {
    /// Nesting deeper than this is refused rather than followed.
    public static let maximumDepth = 128

    /// Nil when `bytes` is valid; otherwise what is wrong and where (the byte, counted from 1), for a 400 answer.
    public static func problem(in bytes: [UInt8]) -> String? {
        guard String(validating: bytes, as: UTF8.self) != nil else { return "it is not valid UTF-8" }
        var scanner = Scanner(bytes: bytes)
        // A byte order mark may lead (RFC 8259 §8.1 lets a parser ignore it; Windows tools write one).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        do throws(Failure) {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            guard scanner.index == bytes.count else {
                throw Failure(what: "unexpected text after the value", at: scanner.index)
            }
            return nil
        } catch {
            return "\(error.what) at byte \(error.at + 1)"
        }
    }

    struct Failure: Error {
        let what: String
        let at: Int
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        private var next: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = next, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        private func fail(_ what: String) -> Failure { Failure(what: what, at: index) }

        mutating func value(depth: Int) throws(Failure) {
            guard depth < StrictJSON.maximumDepth else { throw fail("nesting deeper than \(StrictJSON.maximumDepth)") }
            switch next {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case .some(let byte) where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): try number()
            case nil: throw fail("a value is missing")
            default: throw fail("a value cannot start here")
            }
        }

        private mutating func object(depth: Int) throws(Failure) {
            index += 1
            skipSpace()
            if next == UInt8(ascii: "}") {
                index += 1
                return
            }
            var names = Set<String>()
            while true {
                skipSpace()
                guard next == UInt8(ascii: "\"") else {
                    throw fail(next == UInt8(ascii: "}") ? "a comma before '}'" : "a member name (a string) is missing")
                }
                let nameStart = index
                let name = try string()
                guard names.insert(name).inserted else {
                    throw Failure(what: "the member \(Self.quoted(name)) appears twice in one object", at: nameStart)
                }
                skipSpace()
                guard next == UInt8(ascii: ":") else { throw fail("':' is missing after a member name") }
                index += 1
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                switch next {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return
                default: throw fail("',' or '}' is missing in an object")
                }
            }
        }

        private mutating func array(depth: Int) throws(Failure) {
            index += 1
            skipSpace()
            if next == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                skipSpace()
                if next == UInt8(ascii: "]") { throw fail("a comma before ']'") }
                try value(depth: depth + 1)
                skipSpace()
                switch next {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return
                default: throw fail("',' or ']' is missing in an array")
                }
            }
        }

        private mutating func literal(_ word: StaticString) throws(Failure) {
            let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard index + text.count <= bytes.count, bytes[index..<(index + text.count)].elementsEqual(text) else {
                throw fail("not a JSON value")
            }
            index += text.count
        }

        private mutating func digits() -> Int {
            let start = index
            while let byte = next, (0x30...0x39).contains(byte) { index += 1 }
            return index - start
        }

        private mutating func number() throws(Failure) {
            if next == UInt8(ascii: "-") { index += 1 }
            if next == UInt8(ascii: "0") {
                index += 1
                if let byte = next, (0x30...0x39).contains(byte) { throw fail("a number with a leading zero") }
            } else if digits() == 0 {
                throw fail("a number without digits")
            }
            if next == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw fail("a fraction without digits") }
            }
            if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                index += 1
                if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw fail("an exponent without digits") }
            }
        }

        /// Reads a string and returns it unescaped (member names are compared as text, not as spelled).
        private mutating func string() throws(Failure) -> String {
            index += 1
            var text: [UInt8] = []
            while let byte = next {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    index += 1
                    try escape(into: &text)
                case 0x00..<0x20:
                    throw fail("a control character inside a string")
                default:
                    text.append(byte)
                    index += 1
                }
            }
            throw fail("a string is not closed")
        }

        private mutating func escape(into text: inout [UInt8]) throws(Failure) {
            guard let byte = next else { throw fail("a string is not closed") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                var unit = try hexUnit()
                if (0xD800...0xDBFF).contains(unit), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    let resume = index
                    index += 2
                    let low = try hexUnit()
                    if (0xDC00...0xDFFF).contains(low) {
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        index = resume
                    }
                }
                // A lone surrogate counts as U+FFFD: names are only compared here, never stored.
                let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
                text.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw fail("an unknown escape in a string")
            }
        }

        /// A member name for a message: quoted, escaped, and cut at 64 characters (a name can be megabytes).
        static func quoted(_ name: String) -> String {
            let scalars = name.unicodeScalars
            let cut = scalars.count > 64 ? String(String.UnicodeScalarView(scalars.prefix(64))) + "…" : name
            return "\"" + cut.unicodeScalars.map { $0.escaped(asASCII: false) }.joined() + "\""
        }

        /// The four hex digits after a `\u` escape.
        private mutating func hexUnit() throws(Failure) -> UInt32 {
            var unit: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = next.flatMap({ Self.hexValue($0) }) else {
                    throw fail("a \\u escape needs four hex digits")
                }
                unit = unit << 4 | digit
                index += 1
            }
            return unit
        }

        private static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 0x30...0x39: UInt32(byte - 0x30)
            case 0x41...0x46: UInt32(byte - 0x41 + 10)
            case 0x61...0x66: UInt32(byte - 0x61 + 10)
            default: nil
            }
        }
    }
}
