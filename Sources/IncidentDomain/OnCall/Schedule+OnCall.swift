import Foundation

/// Who is on call: pure computation with Foundation's `Calendar` and `TimeZone`; the caller passes `at`.
extension Schedule {
    /// One person on call and the shift (or override) that puts them there.
    public struct Shift: Hashable, Sendable {
        public var user: String
        /// The rotation's index in `rotations`, or nil for an override.
        public var rotation: Int?
        public var start: Date
        public var end: Date
    }

    /// Everyone on call at `date`: the last override covering it, else one person per rotation that has
    /// started (in rotation order, a person on shift in two rotations listed once).
    public func onCall(at date: Date) -> [Shift] {
        if let override = overrides.last(where: { $0.from <= date && date < $0.until }) {
            return [Shift(user: override.user, rotation: nil, start: override.from, end: override.until)]
        }
        var result: [Shift] = []
        for (index, rotation) in rotations.enumerated() {
            guard let shift = rotation.shift(at: date), !result.contains(where: { $0.user == shift.user }) else {
                continue
            }
            result.append(Shift(user: shift.user, rotation: index, start: shift.start, end: shift.end))
        }
        return result
    }
}

extension Rotation {
    /// The user on shift at `date` and the shift's bounds; nil before the first hand-off or without users.
    public func shift(at date: Date) -> (user: String, start: Date, end: Date)? {
        guard !users.isEmpty, shiftLength >= 1, let first = firstHandoff else { return nil }
        guard date >= first else { return nil }
        let approximateLength = Double(shiftLength) * (shiftUnit == .days ? 86_400 : 3_600)
        var index = Int((date.timeIntervalSince(first) / approximateLength).rounded(.down))
        // Day shifts follow the wall clock, so the estimate may be one off around DST changes: settle it.
        while index > 0, let start = handoff(index, from: first), start > date { index -= 1 }
        while let next = handoff(index + 1, from: first), next <= date { index += 1 }
        guard let start = handoff(index, from: first), let end = handoff(index + 1, from: first) else { return nil }
        return (users[index % users.count], start, end)
    }

    /// The calendar of the rotation's zone (Gregorian).
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }

    /// `startDate` at `handoffTime` in the zone (for a time skipped by a DST change, the next valid one).
    var firstHandoff: Date? {
        calendar.date(
            from: DateComponents(
                year: startDate.year, month: startDate.month, day: startDate.day, hour: handoffTime.hour,
                minute: handoffTime.minute))
    }

    /// The `index`-th hand-off: whole days keep the local hand-off time, hours are elapsed time.
    func handoff(_ index: Int, from first: Date) -> Date? {
        switch shiftUnit {
        case .hours:
            return first.addingTimeInterval(Double(index * shiftLength) * 3_600)
        case .days:
            let calendar = calendar
            let day = calendar.date(
                byAdding: .day, value: index * shiftLength,
                to: calendar.date(
                    from: DateComponents(year: startDate.year, month: startDate.month, day: startDate.day, hour: 12))
                    ?? first)
            guard let day else { return nil }
            var components = calendar.dateComponents([.year, .month, .day], from: day)
            components.hour = handoffTime.hour
            components.minute = handoffTime.minute
            return calendar.date(from: components)
        }
    }
}
