/// Fits sender text into the domain's limits. Senders allow more than Klaxon keeps (PagerDuty summaries of
/// 1,024 characters, Opsgenie descriptions of 15,000); an alert is never refused for that, it is shortened.
enum AlertText {
    /// The first non-blank line of `text`, trimmed, without control characters, at most
    /// `DomainLimits.titleLength.upperBound` characters (cut ones end in `…`); nil when there is none.
    static func headline(_ text: String?) -> String? {
        guard let text else { return nil }
        let limit = DomainLimits.titleLength.upperBound
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let cleaned = String(String.UnicodeScalarView(line.unicodeScalars.filter { !$0.isControl }))
                .trimmedWhitespace
            guard !cleaned.isEmpty else { continue }
            return cut(cleaned, to: limit)
        }
        return nil
    }

    /// `text` without control characters other than newlines and tabs, at most `maxLength` characters.
    static func body(_ text: String?, maxLength: Int = DomainLimits.summaryMaxLength) -> String {
        guard let text else { return "" }
        let kept = text.unicodeScalars.filter { !$0.isControl || $0 == "\n" || $0 == "\r" || $0 == "\t" }
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
            let cleaned = String(String.UnicodeScalarView(value.unicodeScalars.filter { !$0.isControl }))
            fitted[key] = cut(cleaned, to: DomainLimits.labelValueMaxLength)
        }
        return fitted
    }

    /// `value` when it is present and not blank.
    static func nonBlank(_ value: String?) -> String? {
        guard let value, !value.trimmedWhitespace.isEmpty else { return nil }
        return value
    }
}
