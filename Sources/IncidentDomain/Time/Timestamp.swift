import Foundation

/// RFC 3339 timestamps without a formatter object: `2026-11-27T08:30:00.123Z` out (UTC, milliseconds,
/// always 24 characters for years 0000...9999), any RFC 3339 date-time in (offsets, 0...9 fraction
/// digits, `T`, `t` or space between date and time). Pure and allocation-light, so the API can format
/// every time of every response with it, and parse `since`/`until`.
///
/// Klaxon keeps times at millisecond precision (what the API shows and the store keeps):
/// `milliseconds(_:)` and `date(milliseconds:)` convert, rounding toward the past.
public enum Timestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z, rounded down (toward the past, also before 1970).
    /// The value is first rounded to whole microseconds, so that binary floating point (`.123` is stored
    /// as `.12299999...`) does not lose a millisecond.
    public static func milliseconds(_ date: Date) -> Int64 {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        guard micros.isFinite, micros > -9.2e18, micros < 9.2e18 else { return micros < 0 ? Int64.min : Int64.max }
        return floorDivide(Int64(micros), 1000).quotient
    }

    /// The instant `milliseconds` after 1970-01-01T00:00:00Z.
    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `date` truncated to whole milliseconds, as it comes back from the store.
    public static func truncated(_ date: Date) -> Date {
        Self.date(milliseconds: milliseconds(date))
    }

    /// Formats `date` as RFC 3339 in UTC with milliseconds: `2026-11-27T08:30:00.123Z`.
    public static func format(_ date: Date) -> String {
        format(milliseconds: milliseconds(date))
    }

    /// Formats milliseconds since the epoch as RFC 3339 in UTC with milliseconds.
    public static func format(milliseconds: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(milliseconds: milliseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `format(milliseconds:)`'s text as UTF-8 to `bytes`, for writers that build bytes (JSON answers).
    public static func append(milliseconds: Int64, to bytes: inout [UInt8]) {
        let (days, msOfDay) = floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = civil(fromDays: days)
        let hour = msOfDay / 3_600_000
        let minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60
        let millis = msOfDay % 1000
        func append(_ value: Int64, digits: Int) {
            var divisor: Int64 = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        if year < 0 || year > 9999 { bytes.append(year < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")) }
        append(abs(year), digits: abs(year) > 9999 ? String(abs(year)).count : 4)
        bytes.append(UInt8(ascii: "-"))
        append(month, digits: 2)
        bytes.append(UInt8(ascii: "-"))
        append(day, digits: 2)
        bytes.append(UInt8(ascii: "T"))
        append(hour, digits: 2)
        bytes.append(UInt8(ascii: ":"))
        append(minute, digits: 2)
        bytes.append(UInt8(ascii: ":"))
        append(second, digits: 2)
        bytes.append(UInt8(ascii: "."))
        append(millis, digits: 3)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Why a query parameter's `text` is no RFC 3339 time, for its 400: said plainly, and with the usual cause
    /// when it has one (an offset's `+` left unencoded in a URL reads as a space: `12:00:00 02:00`).
    public static func queryProblem(_ text: some StringProtocol) -> String {
        let plain = "must be an RFC 3339 date-time such as 2026-11-27T08:30:00Z"
        guard let space = text.lastIndex(of: " "),
            parse(text[..<space] + "+" + text[text.index(after: space)...]) != nil
        else { return plain }
        return plain + " (a '+' in a URL reads as a space: write the offset's + as %2B, or give the time in UTC with Z)"
    }

    /// Parses an RFC 3339 date-time (section 5.6): `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`.
    /// Returns nil for anything else, including impossible dates (2026-02-30) and leap seconds (`:60`),
    /// which `Date` cannot represent. Fractions beyond milliseconds are kept as far as `Date` can.
    public static func parse(_ text: some StringProtocol) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2),
            scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2), scanner.skip(":"),
            let second = scanner.number(digits: 2)
        else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var fraction = 0.0
        if scanner.skip(".") {
            var digits: Int64 = 0
            var scale = 1.0
            var count = 0
            while let digit = scanner.digit() {
                count += 1
                guard count <= 9 else { return nil }
                digits = digits * 10 + digit
                scale *= 10
            }
            guard count >= 1 else { return nil }
            fraction = Double(digits) / scale
        }
        var offsetSeconds: Int64 = 0
        if scanner.skip("Z") || scanner.skip("z") {
            offsetSeconds = 0
        } else {
            let sign: Int64
            if scanner.skip("+") {
                sign = 1
            } else if scanner.skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let offsetHour = scanner.number(digits: 2), scanner.skip(":"),
                let offsetMinute = scanner.number(digits: 2), offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        }
        guard scanner.atEnd else { return nil }
        let days = days(fromCivil: year, month, day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, days relative to 1970-01-01)

    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400).quotient
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }
}

/// Reads ASCII digits and punctuation from UTF-8 bytes, for `Timestamp.parse`.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func digit() -> Int64? {
        guard index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else {
            return nil
        }
        defer { index += 1 }
        return Int64(bytes[index] - UInt8(ascii: "0"))
    }

    mutating func number(digits: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<digits {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
