/// Collects every field error of one input so the client learns all of them in one answer.
/// Internal: each input type's `validate()` uses it and throws once at the end.
struct FieldValidator {
    private(set) var errors: [FieldError] = []

    mutating func fail(_ field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    /// Throws `.validation` with everything collected, if anything was.
    func finish() throws(IncidentError) {
        if !errors.isEmpty { throw .validation(errors) }
    }

    /// Checks a required one-line text: trimmed, within `length` scalars, no control characters.
    /// Returns the trimmed text, or nil after recording the problem.
    mutating func line(_ value: String?, field: String, length: ClosedRange<Int>) -> String? {
        guard let value else {
            fail(field, "is required")
            return nil
        }
        return presentLine(value, field: field, length: length)
    }

    /// Like `line`, for a value the client did give.
    mutating func presentLine(_ value: String, field: String, length: ClosedRange<Int>) -> String? {
        let trimmed = value.trimmedWhitespace
        let count = trimmed.unicodeScalars.count
        if count == 0 && length.lowerBound > 0 {
            fail(field, "must not be empty")
            return nil
        }
        if count < length.lowerBound {
            fail(field, "must be at least \(length.lowerBound) characters (got \(count))")
            return nil
        }
        if count > length.upperBound {
            fail(field, "must be at most \(length.upperBound) characters (got \(count))")
            return nil
        }
        if trimmed.unicodeScalars.contains(where: \.isControl) {
            fail(field, "must be a single line without control characters")
            return nil
        }
        return trimmed
    }

    /// Checks a multi-line text (summaries, notes): at most `maxLength` scalars; newlines and tabs are fine,
    /// other control characters are not.
    mutating func text(_ value: String, field: String, maxLength: Int) -> String? {
        let count = value.unicodeScalars.count
        if count > maxLength {
            fail(field, "must be at most \(maxLength) characters (got \(count))")
            return nil
        }
        if value.unicodeScalars.contains(where: { $0.isControl && !["\n", "\r", "\t"].contains($0) }) {
            fail(field, "must not contain control characters other than newlines and tabs")
            return nil
        }
        return value
    }

    /// Checks a label map: count, key length and characters, value length.
    mutating func labels(_ labels: [String: String], field: String) -> [String: String] {
        if labels.count > DomainLimits.labelCount {
            fail(field, "must have at most \(DomainLimits.labelCount) labels (got \(labels.count))")
        }
        for key in labels.keys.sorted() {
            let value = labels[key] ?? ""
            if let problem = Self.labelKeyProblem(key) {
                fail(key.isEmpty ? field : "\(field).\(key)", problem)
            }
            if let problem = Self.labelValueProblem(value) {
                fail("\(field).\(key)", problem)
            }
        }
        return labels
    }

    /// Why `key` is not a valid label key, or nil when it is.
    static func labelKeyProblem(_ key: String) -> String? {
        let count = key.unicodeScalars.count
        if count == 0 { return "label keys must not be empty" }
        if count > DomainLimits.labelKeyLength.upperBound {
            return "label key must be at most \(DomainLimits.labelKeyLength.upperBound) characters (got \(count))"
        }
        if key.unicodeScalars.contains(":") { return "label key must not contain ':'" }
        if key.unicodeScalars.contains(where: \.isControl) { return "label key must not contain control characters" }
        return nil
    }

    /// Why `value` is not a valid label value, or nil when it is.
    static func labelValueProblem(_ value: String) -> String? {
        let count = value.unicodeScalars.count
        if count > DomainLimits.labelValueMaxLength {
            return "label value must be at most \(DomainLimits.labelValueMaxLength) characters (got \(count))"
        }
        if value.unicodeScalars.contains(where: \.isControl) {
            return "label value must not contain control characters"
        }
        return nil
    }

    /// A body's `severity` (`sev1` … `sev5`), `fallback` when absent; a field error on `field` when unknown.
    mutating func severity(_ text: String?, default fallback: Severity, field: String = "severity") -> Severity {
        guard let text else { return fallback }
        guard let parsed = Severity(parsing: text) else {
            fail(field, Severity.expectation)
            return fallback
        }
        return parsed
    }

    /// Checks a service or token name: 1...64 of `a-z 0-9 - _`, starting with a lowercase letter
    /// (so a name can never be mistaken for a numeric id in a URL or filter).
    mutating func name(_ value: String?, field: String) -> String? {
        guard let value else {
            fail(field, "is required")
            return nil
        }
        if let problem = Self.nameProblem(value) {
            fail(field, problem)
            return nil
        }
        return value
    }

    /// Why `value` is not a valid name, or nil when it is.
    static func nameProblem(_ value: String) -> String? {
        let count = value.unicodeScalars.count
        if count == 0 { return "must not be empty" }
        if count > DomainLimits.nameLength.upperBound {
            return "must be at most \(DomainLimits.nameLength.upperBound) characters (got \(count))"
        }
        guard let first = value.unicodeScalars.first, first.isASCIILowercaseLetter else {
            return "must start with a lowercase letter a-z"
        }
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCIILowercaseLetter || scalar.isASCIIDigit || scalar == "-" || scalar == "_"
        }
        if !allowed { return "may contain only lowercase letters a-z, digits, '-' and '_'" }
        return nil
    }
}

extension Unicode.Scalar {
    var isControl: Bool { properties.generalCategory == .control }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIILowercaseLetter: Bool { ("a"..."z").contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILowercaseLetter || ("A"..."Z").contains(self) }
}

extension StringProtocol {
    /// The text without leading and trailing white space and newlines (Unicode `White_Space`).
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
