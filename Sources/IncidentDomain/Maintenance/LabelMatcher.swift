import Foundation

/// One condition on an incident's labels, as Alertmanager's silences spell them: `env = staging`,
/// `env != prod`, `instance =~ db-.*`, `instance !~ db-.*`. A missing label reads as the empty string, and
/// regular expressions match the whole value.
public struct LabelMatcher: Hashable, Sendable, Codable {
    public enum Operator: String, Hashable, Sendable, Codable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case matches = "=~"
        case doesNotMatch = "!~"
    }

    public var label: String
    public var op: Operator
    public var value: String

    public init(label: String, op: Operator, value: String) {
        self.label = label
        self.op = op
        self.value = value
    }

    /// Whether `labels` satisfy this matcher. A pattern that does not compile matches nothing (validation
    /// refuses such patterns before they are stored).
    public func matches(_ labels: [String: String]) -> Bool {
        let actual = labels[label] ?? ""
        switch op {
        case .equal: return actual == value
        case .notEqual: return actual != value
        case .matches: return Self.fullMatch(value, actual) ?? false
        case .doesNotMatch: return !(Self.fullMatch(value, actual) ?? true)
        }
    }

    /// Whether `pattern` matches all of `text`; nil when the pattern does not compile.
    static func fullMatch(_ pattern: String, _ text: String) -> Bool? {
        guard let expression = try? NSRegularExpression(pattern: "^(?:\(pattern))$") else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }

    /// The problem with this matcher, if any, for field errors.
    func problem() -> String? {
        if !DomainLimits.labelKeyLength.contains(label.count) {
            return "label must be \(DomainLimits.labelKeyLength.lowerBound) to \(DomainLimits.labelKeyLength.upperBound) characters"
        }
        if value.count > DomainLimits.labelValueMaxLength {
            return "value must be at most \(DomainLimits.labelValueMaxLength) characters"
        }
        if op == .matches || op == .doesNotMatch, Self.fullMatch(value, "") == nil {
            return "value is not a valid regular expression"
        }
        return nil
    }
}
