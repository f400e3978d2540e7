import Foundation

/// The timestamps senders write, read leniently where they differ from RFC 3339.
enum AlertTimestamp {
    /// Go's zero `time.Time`, which Alertmanager and Grafana send as `endsAt` of a firing alert:
    /// `0001-01-01T00:00:00Z`, in seconds since 1970.
    static let goZeroSeconds: TimeInterval = -62_135_596_800

    /// RFC 3339, and also the ISO 8601 offset without a colon (`+0000`) that PagerDuty's own examples use.
    static func parse(_ text: String) -> Date? {
        if let date = Timestamp.parse(text) { return date }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 5 else { return nil }
        let sign = scalars[scalars.count - 5]
        let digits = scalars[(scalars.count - 4)...]
        guard sign == "+" || sign == "-", digits.allSatisfy(\.isASCIIDigit) else { return nil }
        var fixed = String(String.UnicodeScalarView(scalars[..<(scalars.count - 2)]))
        fixed += ":" + String(String.UnicodeScalarView(scalars[(scalars.count - 2)...]))
        return Timestamp.parse(fixed)
    }

    /// True for Go's zero time (or anything before year 2), which means "not set".
    static func isUnset(_ date: Date) -> Bool {
        date.timeIntervalSince1970 < goZeroSeconds + 366 * 86_400
    }
}
