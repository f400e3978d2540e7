import Foundation

extension FieldValidator {
    /// Checks an IANA time zone identifier (`Europe/Berlin`, `UTC`); returns it, or nil after failing.
    mutating func timeZone(_ value: String, field: String) -> String? {
        guard !value.isEmpty, value.count <= 64, TimeZone(identifier: value) != nil else {
            fail(field, "must be an IANA time zone such as Europe/Berlin or UTC")
            return nil
        }
        return value
    }

    /// Checks an absolute `http` or `https` URL with a host, at most 2,000 characters.
    mutating func webURL(_ value: String, field: String) -> String? {
        if let problem = Self.webURLProblem(value) {
            fail(field, problem)
            return nil
        }
        return value
    }

    /// Why `value` is not an absolute http(s) URL with a host, or nil.
    static func webURLProblem(_ value: String) -> String? {
        guard value.unicodeScalars.count <= 2_000,
            !value.unicodeScalars.contains(where: { $0.isControl || $0 == " " }),
            let components = URLComponents(string: value),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return "must be an absolute http or https URL (at most 2000 characters)" }
        return nil
    }

    /// Checks an email address loosely: one `@` with text on both sides, a dot in the domain, no spaces.
    mutating func email(_ value: String, field: String) -> String? {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard value.unicodeScalars.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !value.unicodeScalars.contains(where: { $0.isControl || $0.properties.isWhitespace })
        else {
            fail(field, "must be an email address like alice@example.com")
            return nil
        }
        return value
    }
}
