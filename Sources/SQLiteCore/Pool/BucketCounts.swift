/// Observations counted into fixed buckets, with their sum: plain numbers a metrics exporter can turn into
/// a histogram. `counts[i]` holds the observations at most `upperBounds[i]` and above the bound before it;
/// the last element of `counts` holds those above every bound.
public struct BucketCounts: Sendable, Equatable {
    public let upperBounds: [Double]
    public private(set) var counts: [Int]
    public private(set) var sum: Double = 0
    public private(set) var count = 0

    /// `upperBounds` ascending.
    public init(upperBounds: [Double]) {
        self.upperBounds = upperBounds
        self.counts = Array(repeating: 0, count: upperBounds.count + 1)
    }

    /// Counts taken elsewhere: `cumulative[i]` observations were at most `upperBounds[i]`, `count` in all,
    /// adding up to `sum`.
    public init(upperBounds: [Double], cumulative: [Int], count: Int, sum: Double) {
        self.init(upperBounds: upperBounds)
        var below = 0
        for (index, atMost) in cumulative.prefix(upperBounds.count).enumerated() {
            counts[index] = max(0, atMost - below)
            below = max(below, atMost)
        }
        counts[upperBounds.count] = max(0, count - below)
        self.count = count
        self.sum = sum
    }

    /// Observations at most each bound, then all of them (the `+Inf` bucket): a histogram's `le` series.
    public var cumulativeCounts: [Int] {
        var running = 0
        return counts.map { count in
            running += count
            return running
        }
    }

    public mutating func record(_ value: Double) {
        let index = upperBounds.firstIndex { value <= $0 } ?? upperBounds.count
        counts[index] += 1
        sum += value
        count += 1
    }
}
