import Foundation

/// Durations as a postmortem shows them to people: `45 s`, `12 min 30 s`, `2 h 5 min`, `1 d 3 h`
/// (the two largest units, whole seconds rounded down).
public enum PostmortemDuration {
    public static func text(_ interval: TimeInterval) -> String {
        let seconds = max(0, Int(interval.rounded(.down)))
        let units: [(String, Int)] = [("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)]
        var parts: [String] = []
        var rest = seconds
        for (name, size) in units {
            let count = rest / size
            rest %= size
            if count > 0 || !parts.isEmpty { parts.append("\(count) \(name)") }
            if parts.count == 2 { break }
        }
        if parts.last?.hasPrefix("0 ") == true { parts.removeLast() }
        return parts.isEmpty ? "0 s" : parts.joined(separator: " ")
    }
}
