import Foundation
import IncidentDomain

/// Writes JSON straight into a byte buffer. Answers are built with it instead of `JSONEncoder`, which costs
/// tens of microseconds per object on Linux; reading an incident must stay close to the speed of `/healthz`.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether a value was written in it already (so the next one needs a comma).
    private var containerHasValue: [Bool] = []
    /// True right after a key: the value that follows takes no comma.
    private var afterKey = false
    /// Whether contact and webhook URLs are written whole (admin answers opt in) or cut to their origin: a
    /// Slack incoming-webhook URL or a webhook's path and query work as passwords (see `contactURL`). Off by
    /// default, so a writer that forgets to decide leaks nothing.
    var revealsSecretURLs = false

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        containerHasValue.append(false)
    }

    mutating func endObject() {
        containerHasValue.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        containerHasValue.append(false)
    }

    mutating func endArray() {
        containerHasValue.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `"name":`; the value written next belongs to it.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a key that is data (a label name, a map key), escaped.
    mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    mutating func string(_ value: String) {
        separate()
        writeString(value)
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func int(_ value: some BinaryInteger) {
        separate()
        if let small = Int64(exactly: value) {
            appendDigits(small)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// The decimal digits of `value`, without going through a `String` (ids and versions are in every answer).
    private mutating func appendDigits(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    mutating func double(_ value: Double) {
        separate()
        bytes.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// RFC 3339 UTC with milliseconds, or null; written in place (the text never needs escaping).
    mutating func timestamp(_ date: Date?) {
        guard let date else { return null() }
        separate()
        bytes.append(UInt8(ascii: "\""))
        Timestamp.append(milliseconds: Timestamp.milliseconds(date), to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"<prefix><number><suffix>"` for links built from an id; prefix and suffix are plain ASCII.
    mutating func string(_ prefix: StaticString, _ number: Int64, _ suffix: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        prefix.withUTF8Buffer { bytes.append(contentsOf: $0) }
        appendDigits(number)
        suffix.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An object of strings, keys sorted so answers are stable.
    mutating func stringMap(_ map: [String: String]) {
        beginObject()
        for (name, value) in map.sorted(by: { $0.key < $1.key }) {
            key(name)
            string(value)
        }
        endObject()
    }

    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .double(let number): double(number)
        case .string(let text): string(text)
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                key(name)
                self.value(member)
            }
            endObject()
        }
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = containerHasValue.indices.last else { return }
        if containerHasValue[last] {
            bytes.append(UInt8(ascii: ","))
        } else {
            containerHasValue[last] = true
        }
    }

    /// Escapes per RFC 8259 §7 (`JSONValue.appendQuoted`, shared with the store's JSON columns).
    private mutating func writeString(_ value: String) {
        JSONValue.appendQuoted(value, to: &bytes)
    }
}
