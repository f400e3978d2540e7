import Foundation

/// Where a page of the incident list ended: the creation time (milliseconds) and id of its last item.
/// The list is ordered newest first by `(created_at, id)`, so the next page is everything strictly
/// older than this pair — stable while new incidents arrive, since they sort before it.
///
/// Clients see it as an opaque token: base64url (no padding) of `1:<milliseconds>:<id>`, where `1` is the
/// format version.
public struct IncidentCursor: Hashable, Sendable, CustomStringConvertible {
    /// `created_at` of the last item, in milliseconds since 1970 (the precision the store keeps).
    public var createdAtMilliseconds: Int64
    public var id: IncidentID

    public init(createdAtMilliseconds: Int64, id: IncidentID) {
        self.createdAtMilliseconds = createdAtMilliseconds
        self.id = id
    }

    /// The cursor that continues after `incident`.
    public init(after incident: Incident) {
        self.init(createdAtMilliseconds: Timestamp.milliseconds(incident.createdAt), id: incident.id)
    }

    /// `created_at` of the last item.
    public var createdAt: Date { Timestamp.date(milliseconds: createdAtMilliseconds) }

    /// The opaque token for clients.
    public var encoded: String {
        Self.base64URL(Array("1:\(createdAtMilliseconds):\(id.rawValue)".utf8))
    }

    private static let base64URLAlphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Base64url without padding (RFC 4648 §5), written here: Foundation's encoder plus three replacements
    /// cost more than the rest of a list page's cursor handling.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output.append(base64URLAlphabet[Int(group >> 18 & 63)])
            output.append(base64URLAlphabet[Int(group >> 12 & 63)])
            output.append(base64URLAlphabet[Int(group >> 6 & 63)])
            output.append(base64URLAlphabet[Int(group & 63)])
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let group = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            output.append(base64URLAlphabet[Int(group >> 18 & 63)])
            output.append(base64URLAlphabet[Int(group >> 12 & 63)])
            if rest == 2 { output.append(base64URLAlphabet[Int(group >> 6 & 63)]) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes a token made by `encoded`; nil for anything else (wrong alphabet, padding, version,
    /// numbers, or longer than any real cursor).
    public init?(encoded token: String) {
        guard !token.isEmpty, token.utf8.count <= 64,
            token.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" })
        else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else {
            return nil
        }
        let parts = plain.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "1", let milliseconds = Self.parseInt64(parts[1]),
            let id = IncidentID(parsing: parts[2])
        else { return nil }
        self.init(createdAtMilliseconds: milliseconds, id: id)
        // Only the canonical spelling is accepted, so each position has exactly one token.
        guard encoded == token else { return nil }
    }

    public var description: String { encoded }

    /// A decimal Int64, optionally negative (times before 1970); nil otherwise.
    private static func parseInt64(_ text: Substring) -> Int64? {
        guard let first = text.first, first != "+" else { return nil }
        return Int64(text)
    }
}
