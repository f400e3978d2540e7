/// Count, mean and median of a set of durations in seconds; mean and median are nil when there are none.
public struct DurationSummary: Hashable, Sendable {
    public var count: Int
    public var meanSeconds: Double?
    public var medianSeconds: Double?

    public init(_ seconds: [Double]) {
        count = seconds.count
        guard !seconds.isEmpty else { return }
        meanSeconds = seconds.reduce(0, +) / Double(seconds.count)
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        medianSeconds = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
