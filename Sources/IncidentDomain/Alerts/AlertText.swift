/// Fits sender text into the domain's limits. Senders allow more than Klaxon keeps (PagerDuty summaries of
/// 1,024 characters, Opsgenie descriptions of 15,000); an alert is never refused for that, it is shortened.
enum AlertText {
    /// The first non-blank line of `text`, trimmed, without control characters, at most
    /// `DomainLimits.titleLength.upperBound` characters (cut ones end in `…`); nil when there is none.
    static func headline(_ text: String?) -> String? {
        guard let text else { return nil }
        let limit = DomainLimits.titleLength.upperBound
        // Fast path, the usual case: one clean line (no control characters, so no line breaks either).
        if !hasControlCharacters(text) {
            let line = trimmed(text)
            if line.isEmpty { return nil }
            return line.utf8.count <= limit ? line : cut(line, to: limit)
        }
        for line in text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let cleaned = trimmed(String(String.UnicodeScalarView(line.filter { !isControl($0) })))
            guard !cleaned.isEmpty else { continue }
            return cut(cleaned, to: limit)
        }
        return nil
    }

    /// `text` without control characters other than newlines and tabs, at most `maxLength` characters.
    static func body(_ text: String?, maxLength: Int = DomainLimits.summaryMaxLength) -> String {
        guard let text else { return "" }
        if text.utf8.count <= maxLength,
            !text.utf8.contains(where: {
                $0 == 0x7F || $0 == 0xC2 || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D)
            })
        {
            return text  // nothing to remove or cut (0xC2 leads every C1 control; rare enough for the slow path)
        }
        let kept = text.unicodeScalars.filter { !isControl($0) || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        return cut(String(String.UnicodeScalarView(kept)), to: maxLength)
    }

    /// `text` if it has at most `limit` scalars, else its first `limit - 1` scalars and `…`.
    static func cut(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        let end = scalars.index(scalars.startIndex, offsetBy: limit - 1)
        return String(String.UnicodeScalarView(scalars[..<end])) + "…"
    }

    /// Labels fitted to `DomainLimits`: invalid keys dropped, values cleaned and cut, at most
    /// `labelCount` kept in byte order of their keys.
    static func fittedLabels(_ labels: [String: String]) -> [String: String] {
        var fitted: [String: String] = [:]
        for key in labels.keys.sorted(by: AlertKey.byteOrder) where FieldValidator.labelKeyProblem(key) == nil {
            guard fitted.count < DomainLimits.labelCount else { break }
            let value = labels[key] ?? ""
            let cleaned = String(String.UnicodeScalarView(value.unicodeScalars.filter { !isControl($0) }))
            fitted[key] = cut(cleaned, to: DomainLimits.labelValueMaxLength)
        }
        return fitted
    }

    /// `value` when it is present and not blank.
    static func nonBlank(_ value: String?) -> String? {
        guard let value else { return nil }
        // Any printable ASCII byte settles it without Unicode property lookups.
        if value.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return value }
        return value.trimmedWhitespace.isEmpty ? nil : value
    }

    /// `text` without leading and trailing white space; no copy when it has none at either end in ASCII.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return text }
        return text.trimmedWhitespace
    }

    /// Unicode general category Cc (U+0000...U+001F, U+007F...U+009F), without a property table lookup.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }

    /// True when `text` has a Cc character, found from its UTF-8 bytes (C1 controls are `C2 80`...`C2 9F`).
    static func hasControlCharacters(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { return true }
            previous = byte
        }
        return false
    }
}
