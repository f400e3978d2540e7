/// Whether an unknown member name of a body looks like a mistyped known one (`severty`, `Service`,
/// `dedupKey`), which a lenient reader would otherwise drop in silence: a mistyped `severity` or `service`
/// pages the wrong people at the wrong level, so such a name is refused while other extra members are kept.
public enum MemberNameSimilarity {
    /// The known name `name` was probably meant as, or nil when it is not close to any: equal ignoring case
    /// and `_`/`-`, one of `aliases` (`state` for `status`), or one edit (a letter added, dropped, changed, or two
    /// neighbours swapped) from a known name of four or more characters with the same first letter. One edit,
    /// not two: `time`, `device` or `security` are real members scripts send, not a mistyped `title`,
    /// `service` or `severity`. Nil too when two known names are one edit away (`db-wast`: `db-east` or
    /// `db-west`): a confident wrong guess sends an engineer to the wrong team.
    public static func intended(_ name: String, among known: [String], aliases: [String: String] = [:]) -> String? {
        let folded = fold(name)
        if let match = known.first(where: { fold($0) == folded }) { return match }
        if let alias = aliases[String(folded)] { return alias }
        let close = known.filter {
            let candidate = fold($0)
            return candidate.count >= 4 && candidate.first == folded.first
                && editDistance(folded, candidate, atMost: 1) <= 1
        }
        return close.count == 1 ? close.first : nil
    }

    private static func fold(_ name: String) -> [Character] {
        Array(name.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Edit distance counting a swap of neighbours as one edit (optimal string alignment), or `atMost + 1` once
    /// it is known to exceed `atMost`.
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
