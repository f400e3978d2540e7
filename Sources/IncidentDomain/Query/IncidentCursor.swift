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
        let plain = "1:\(createdAtMilliseconds):\(id.rawValue)"
        return Data(plain.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
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
