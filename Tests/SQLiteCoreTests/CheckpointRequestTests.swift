import Testing

@testable import SQLiteCore

/// When the writer's WAL hook asks the checkpointer thread for a checkpoint: each request costs two syncs
/// (the log and the database file) that compete with the writer's own commits on the disk.
@Suite struct CheckpointRequestTests {
    private func hook(threshold: Int) -> CheckpointHookContext {
        CheckpointHookContext(requests: BlockingQueue<Int>(), threshold: threshold, statistics: PoolStatistics())
    }

    @Test func belowTheThresholdNothingIsRequested() {
        let context = hook(threshold: 100)
        #expect(![13, 26, 52, 99].contains { context.shouldRequest(frames: $0) })
    }

    @Test func aLogGrowingPastTheThresholdAsksOncePerQuarterOfIt() {
        let context = hook(threshold: 100)
        // Commits of 13 pages each, from an empty log up to the writer's own checkpoint at 200 pages.
        let sizes = Array(stride(from: 13, to: 200, by: 13))
        let requested = sizes.filter { context.shouldRequest(frames: $0) }
        #expect(requested == [104, 130, 156, 182])
        // Asking after every commit past the threshold, as before, made 8 requests here.
        #expect(sizes.filter { $0 >= 100 }.count == 8)
    }

    @Test func aRewoundLogAsksAgainAtTheThreshold() {
        let context = hook(threshold: 100)
        #expect(context.shouldRequest(frames: 150))
        #expect(!context.shouldRequest(frames: 160))
        // The log was rewound after a checkpoint: it starts again from a few pages.
        #expect(!context.shouldRequest(frames: 12))
        #expect(context.shouldRequest(frames: 101))
    }

    @Test func aRewindIsSeenEvenWhenTheNextCommitIsLargerThanTheLastRequest() {
        let context = hook(threshold: 100)
        #expect(context.shouldRequest(frames: 150))
        #expect(!context.shouldRequest(frames: 160))
        #expect(!context.shouldRequest(frames: 170))
        // The background checkpoint caught up and the log was rewound; the first commit after it is a bulk one,
        // larger than the log was at the last request (150) but smaller than after the last commit (170).
        #expect(context.shouldRequest(frames: 165), "a log of 165 pages since the rewind was never asked about")
    }
}
