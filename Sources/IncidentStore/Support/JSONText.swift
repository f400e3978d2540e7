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
        var output = "{"
        for (index, key) in labels.keys.sorted().enumerated() {
            if index > 0 { output += "," }
            appendString(key, to: &output)
            output += ":"
            appendString(labels[key] ?? "", to: &output)
        }
        output += "}"
        return output
    }

    /// The text of a JSON object, keys sorted at every level.
    static func encode(_ object: [String: JSONValue]) -> String {
        var output = ""
        append(.object(object), to: &output)
        return output
    }

    /// The text of a JSON array (object members' keys sorted).
    static func encode(_ array: [JSONValue]) -> String {
        var output = ""
        append(.array(array), to: &output)
        return output
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

    /// Reads a JSON object of any values.
    static func decodeObject(_ text: String) throws -> [String: JSONValue] {
        if text == "{}" { return [:] }
        return try JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))
    }

    private static func append(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += number.isFinite ? "\(number)" : "null"
        case .string(let text): appendString(text, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                append(item, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                appendString(key, to: &output)
                output += ":"
                append(members[key] ?? .null, to: &output)
            }
            output += "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259 §7).
    private static func appendString(_ text: String, to output: inout String) {
        output += "\""
        var plainStart = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String? =
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                default: scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
                }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                output += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        output += "\""
    }
}
