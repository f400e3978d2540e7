import Foundation
import IncidentDomain

/// The JSON text the store keeps in its TEXT columns (labels, routing labels, event data, replay headers).
///
/// Written by hand rather than with `JSONEncoder`/`JSONDecoder`: these run inside the writer's group
/// commit and on every read of an incident, where Foundation's coders would cost more than the SQL.
/// Keys are written sorted, so equal values give equal text. Reading a flat object of strings has a fast
/// path; anything else falls back to `JSONDecoder`.
enum JSONText {
    /// The text of a JSON object of strings, keys sorted.
    static func encode(_ labels: [String: String]) -> String {
        if labels.isEmpty { return "{}" }
        var output: [UInt8] = []
        output.reserveCapacity(labels.count * 32)
        output.append(UInt8(ascii: "{"))
        for (index, member) in labels.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendString(member.key, to: &output)
            output.append(UInt8(ascii: ":"))
            appendString(member.value, to: &output)
        }
        output.append(UInt8(ascii: "}"))
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of an array of links, `[{"href": ..., "text": ...}]`: what `encode(_: [JSONValue])` writes
    /// for the same objects, without building them.
    static func encode(links: [(href: String, text: String)]) -> String {
        if links.isEmpty { return "[]" }
        var output: [UInt8] = []
        output.reserveCapacity(links.count * 64)
        output.append(UInt8(ascii: "["))
        for (index, link) in links.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: #"{"href":"#.utf8)
            appendString(link.href, to: &output)
            output.append(contentsOf: #","text":"#.utf8)
            appendString(link.text, to: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "]"))
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of a JSON object, keys sorted at every level.
    static func encode(_ object: [String: JSONValue]) -> String {
        var output: [UInt8] = []
        append(.object(object), to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of a JSON array (object members' keys sorted).
    static func encode(_ array: [JSONValue]) -> String {
        var output: [UInt8] = []
        append(.array(array), to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes one JSON object member by member, in the order given (give keys sorted to match `encode`).
    struct ObjectWriter {
        private var output: [UInt8] = [UInt8(ascii: "{")]

        init() { output.reserveCapacity(512) }

        mutating func member(_ key: String, string value: String) {
            start(key)
            appendString(value, to: &output)
        }

        /// A member whose value is JSON text already (from `encode`).
        mutating func member(_ key: String, text value: String) {
            start(key)
            output.append(contentsOf: value.utf8)
        }

        private mutating func start(_ key: String) {
            if output.count > 1 { output.append(UInt8(ascii: ",")) }
            appendString(key, to: &output)
            output.append(UInt8(ascii: ":"))
        }

        mutating func finished() -> String {
            output.append(UInt8(ascii: "}"))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Reads a JSON object whose values are all strings.
    static func decodeLabels(_ text: String) throws -> [String: String] {
        var text = text
        return try text.withUTF8 { try decodeLabels(utf8: $0) }
    }

    /// `decodeLabels` on UTF-8 bytes borrowed from wherever they are (a column's text inside SQLite).
    static func decodeLabels(utf8: UnsafeBufferPointer<UInt8>) throws -> [String: String] {
        if utf8.count == 2 && utf8[0] == UInt8(ascii: "{") && utf8[1] == UInt8(ascii: "}") { return [:] }
        var scanner = FlatObjectScanner(utf8)
        if let labels = scanner.parse() { return labels }
        return try JSONDecoder().decode([String: String].self, from: Data(utf8))
    }

    /// Reads a JSON array of strings (`json_group_array` of a text column); `[]` without a decoder.
    static func decodeStrings(utf8: UnsafeBufferPointer<UInt8>) throws -> [String] {
        if utf8.count == 2 && utf8[0] == UInt8(ascii: "[") && utf8[1] == UInt8(ascii: "]") { return [] }
        return try JSONDecoder().decode([String].self, from: Data(utf8))
    }

    /// Reads a JSON object of any values.
    static func decodeObject(_ text: String) throws -> [String: JSONValue] {
        if text == "{}" { return [:] }
        return try JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))
    }

    private static func append(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .double(let number): output.append(contentsOf: (number.isFinite ? "\(number)" : "null").utf8)
        case .string(let text): appendString(text, to: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                append(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                appendString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                append(members[key] ?? .null, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal (`JSONValue.appendQuoted`, shared with the API's answers): this runs for every
    /// label of every alert inside the writer's transaction, so it must cost little more than a copy.
    private static func appendString(_ text: String, to output: inout [UInt8]) {
        JSONValue.appendQuoted(text, to: &output)
    }
}
