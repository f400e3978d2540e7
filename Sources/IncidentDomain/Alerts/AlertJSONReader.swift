/// A strict JSON reader on UTF-8 bytes for the group receivers' payloads (Alertmanager, Grafana), which arrive
/// by the thousand in a storm: it reads them straight into their payload types, where `JSONDecoder` spent
/// most of a request's decoding time building and walking its own tree.
///
/// It takes only input it reads exactly as `JSONDecoder` does and *declines* everything else (a wrong type,
/// a duplicate key, a number that is not a plain integer where an integer belongs, an unpaired surrogate,
/// invalid UTF-8, nesting deeper than ``maximumDepth``, ...). `AlertPayloadDecoder` then decodes the body
/// with `JSONDecoder`, so a payload that fails gets exactly the field errors it always got.
struct AlertJSONReader {
    /// This reader does not take the input; `JSONDecoder` decides.
    struct Declined: Error {}

    /// Far below `JSONDecoder`'s own limit, so nothing it refuses for depth is taken here.
    static let maximumDepth = 32

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The payload read from `body`, or nil when the reader declines it.
    static func read<Payload: AlertJSONReadable>(_ type: Payload.Type, from body: [UInt8]) -> Payload? {
        body.withUnsafeBufferPointer { buffer in
            var reader = AlertJSONReader(buffer)
            do {
                reader.skipSpace()
                let payload = try Payload(json: &reader)
                reader.skipSpace()
                guard reader.index == buffer.count else { return nil }
                return payload
            } catch {
                return nil
            }
        }
    }

    // MARK: Values

    /// Reads an object, handing each member's name to `member`, which must read (or skip) its value.
    mutating func readObject(_ member: (inout AlertJSONReader, String) throws -> Void) throws {
        try enter(UInt8(ascii: "{"))
        skipSpace()
        if take(UInt8(ascii: "}")) {
            depth -= 1
            return
        }
        // Every name, skipped members' too: a repeat is declined, so the strict fallback refuses it (400).
        var names = MemberNames()
        while true {
            skipSpace()
            let name = try string()
            try names.insert(name)
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            try member(&self, name)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "}"))
            depth -= 1
            return
        }
    }

    /// Reads an array, calling `element` to read each item.
    mutating func readArray(_ element: (inout AlertJSONReader) throws -> Void) throws {
        try enter(UInt8(ascii: "["))
        skipSpace()
        if take(UInt8(ascii: "]")) {
            depth -= 1
            return
        }
        while true {
            skipSpace()
            try element(&self)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "]"))
            depth -= 1
            return
        }
    }

    /// True (and consumed) when the next value is `null`: an optional field that is absent.
    mutating func takeNull() throws -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// A string, or nil for `null`.
    mutating func optionalString() throws -> String? {
        try takeNull() ? nil : string()
    }

    /// A plain integer literal (`-?(0|[1-9][0-9]*)`) that fits `Integer`, or nil for `null`. Fractions,
    /// exponents, `-0` and overflow are declined: `JSONDecoder` has its own rules for them.
    mutating func optionalInteger<Integer: FixedWidthInteger & SignedInteger>(_ type: Integer.Type) throws -> Integer? {
        if try takeNull() { return nil }
        guard case .integer(let value) = try number(), let exact = Integer(exactly: value) else { throw Declined() }
        return exact
    }

    /// An object of strings (labels, annotations), or nil for `null`.
    mutating func optionalStringMap() throws -> [String: String]? {
        if try takeNull() { return nil }
        var map: [String: String] = [:]
        try readObject { reader, name in
            let value = try reader.string()
            guard map.updateValue(value, forKey: name) == nil else { throw Declined() }
        }
        return map
    }

    /// An array of `element`s (never null inside), or nil for `null`.
    mutating func optionalArray<Element>(_ element: (inout AlertJSONReader) throws -> Element) throws -> [Element]? {
        if try takeNull() { return nil }
        var items: [Element] = []
        try readArray { reader in
            let item = try element(&reader)
            items.append(item)
        }
        return items
    }

    /// An object of any values, or nil for `null`.
    mutating func optionalValueMap() throws -> [String: JSONValue]? {
        if try takeNull() { return nil }
        return try valueMap()
    }

    /// Any value, as `JSONValue`'s `Decodable` conformance reads it. Numbers other than plain integers that
    /// fit `Int64` become `.double` only when they are finite and not integral (`JSONDecoder` may read `2.0`
    /// as an integer); the rest is declined.
    mutating func value() throws -> JSONValue {
        guard index < bytes.count else { throw Declined() }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"): return .object(try valueMap())
        case UInt8(ascii: "["):
            var items: [JSONValue] = []
            try readArray { reader in
                let item = try reader.value()
                items.append(item)
            }
            return .array(items)
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            switch try number() {
            case .integer(let value): return .int(value)
            case .other(let text):
                guard let double = Double(text), double.isFinite, double.rounded() != double else { throw Declined() }
                return .double(double)
            }
        }
    }

    /// Reads and discards any value (a field the payload type does not have), checking it as strictly as
    /// the values it keeps.
    mutating func skipValue() throws {
        guard index < bytes.count else { throw Declined() }
        switch bytes[index] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"): try readObject { reader, _ in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { reader in try reader.skipValue() }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    private mutating func valueMap() throws -> [String: JSONValue] {
        var map: [String: JSONValue] = [:]
        try readObject { reader, name in
            let value = try reader.value()
            guard map.updateValue(value, forKey: name) == nil else { throw Declined() }
        }
        return map
    }

    // MARK: Strings

    /// A string (RFC 8259 §7): raw control characters, unknown or unpaired escapes and invalid UTF-8 are declined.
    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if isASCII { return String(decoding: run, as: UTF8.self) }
                guard let text = String(validating: run, as: UTF8.self) else { throw Declined() }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw Declined() }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        throw Declined()
    }

    /// The rest of a string from its first backslash on, `start` being just after the opening quote.
    private mutating func escapedString(from start: Int) throws -> String {
        var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: decoded, as: UTF8.self) else { throw Declined() }
                return text
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Declined() }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"): decoded.append(contentsOf: try unicodeEscape().utf8)
                default: throw Declined()
                }
            case 0..<0x20:
                throw Declined()
            default:
                decoded.append(byte)
            }
        }
        throw Declined()
    }

    /// The scalar of `\uXXXX` (just after the `u`), or of a surrogate pair `\uD83D\uDE00`.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let unit = try hexQuad()
        switch unit {
        case 0xD800...0xDBFF:
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")) else { throw Declined() }
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw Declined() }
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw Declined() }
            return scalar
        case 0xDC00...0xDFFF:
            throw Declined()
        default:
            guard unit != 0, let scalar = Unicode.Scalar(UInt32(unit)) else { throw Declined() }
            return scalar
        }
    }

    private mutating func hexQuad() throws -> UInt16 {
        guard index + 4 <= bytes.count else { throw Declined() }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Declined()
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    // MARK: Numbers and literals

    private enum Number {
        /// `-?(0|[1-9][0-9]*)` that fits `Int64`, other than `-0`.
        case integer(Int64)
        /// Any other valid number (fraction, exponent, too large), as written.
        case other(String)
    }

    /// A number by RFC 8259 §6's grammar.
    private mutating func number() throws -> Number {
        let start = index
        let negative = take(UInt8(ascii: "-"))
        let digitsStart = index
        guard index < bytes.count, isDigit(bytes[index]) else { throw Declined() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let integerEnd = index
        var isInteger = true
        if take(UInt8(ascii: ".")) {
            isInteger = false
            guard index < bytes.count, isDigit(bytes[index]) else { throw Declined() }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard index < bytes.count, isDigit(bytes[index]) else { throw Declined() }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard isInteger, integerEnd - digitsStart <= 18 else { return .other(text) }
        var magnitude: Int64 = 0
        for position in digitsStart..<integerEnd {
            magnitude = magnitude * 10 + Int64(bytes[position] - UInt8(ascii: "0"))
        }
        if negative && magnitude == 0 { return .other(text) }
        return .integer(negative ? -magnitude : magnitude)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Declined() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw Declined()
        }
        index += count
    }

    // MARK: Structure

    private mutating func enter(_ opening: UInt8) throws {
        try expect(opening)
        depth += 1
        if depth > Self.maximumDepth { throw Declined() }
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard take(byte) else { throw Declined() }
    }
}

/// The member names of one object read so far: a short list while objects are small (the common case, no
/// hashing), a set once they are not, so a body of many members costs no quadratic time.
private struct MemberNames {
    private var few: [String] = []
    private var many: Set<String>?

    mutating func insert(_ name: String) throws {
        if let inserted = many?.insert(name).inserted {
            guard inserted else { throw AlertJSONReader.Declined() }
            return
        }
        guard !few.contains(name) else { throw AlertJSONReader.Declined() }
        few.append(name)
        if few.count > 16 { many = Set(few) }
    }
}
