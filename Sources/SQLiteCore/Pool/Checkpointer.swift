import CSQLite

/// Moves committed pages from the write-ahead log into the database file on its own thread and
/// connection, so the writer's commits never wait for a checkpoint (SQLite's automatic checkpoint
/// runs inside the COMMIT that crosses the threshold, writing and syncing the database file while every
/// caller of that batch waits).
///
/// The writer connection's WAL hook reports the log size after each commit; past the threshold it queues
/// a request here, and this thread runs a PASSIVE checkpoint, which never blocks the writer or readers.
/// Under a steady stream of commits such a checkpoint rarely catches the very last frame, and SQLite only
/// rewinds the log once everything is copied; so at twice the threshold the writer checkpoints itself,
/// right after its commit, which is cheap then (the pages are already copied) and lets the log rewind.
struct Checkpointer {
    /// Opened at the first request: requests come only after commits, when the file takes writes.
    let slot: ConnectionSlot
    let requests: BlockingQueue<Int>
    let statistics: PoolStatistics

    func run() {
        while true {
            // Requests that queued up while a checkpoint ran are served by one checkpoint.
            let pending = requests.popBatch(limit: Int.max)
            if pending.isEmpty { break }
            guard let handle = (try? slot.current())?.handle else {
                statistics.record { $0.checkpointFailures += 1 }
                continue
            }
            var logFrames: Int32 = 0
            var checkpointedFrames: Int32 = 0
            let code = sqlite3_wal_checkpoint_v2(
                handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &checkpointedFrames)
            // BUSY: the writer is checkpointing itself at this moment, which serves the request as well.
            if code != SQLITE_BUSY {
                statistics.record { counters in
                    if code == SQLITE_OK {
                        counters.checkpoints += 1
                    } else {
                        counters.checkpointFailures += 1
                    }
                }
            }
        }
        slot.close()
    }

    /// Installs on `writer` the WAL hook that queues a checkpoint request whenever the log holds at least
    /// `thresholdPages` pages after a commit. This replaces SQLite's automatic checkpoint on that connection.
    /// `requests` must outlive `writer`: the hook holds it unretained.
    static func install(
        on writer: Connection, requests: BlockingQueue<Int>, thresholdPages: Int, statistics: PoolStatistics
    ) throws {
        let handle = try writer.openHandle()
        let hookContext = CheckpointHookContext(requests: requests, threshold: thresholdPages, statistics: statistics)
        writer.checkpointHookContext = hookContext  // keeps it alive as long as the connection
        let context = Unmanaged.passUnretained(hookContext)
        sqlite3_wal_hook(
            handle,
            { context, database, _, frames in
                guard let context else { return SQLITE_OK }
                let hook = Unmanaged<CheckpointHookContext>.fromOpaque(context).takeUnretainedValue()
                // Asked after every commit, so the hook sees every size the log had (and every rewind).
                let requested = hook.shouldRequest(frames: Int(frames))
                if Int(frames) >= 2 * hook.threshold {
                    let code = sqlite3_wal_checkpoint_v2(database, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                    // BUSY means the background checkpoint is running right now: nothing to do here.
                    if code != SQLITE_BUSY {
                        hook.statistics.record { counters in
                            if code == SQLITE_OK {
                                counters.writerCheckpoints += 1
                            } else {
                                counters.checkpointFailures += 1
                            }
                        }
                    }
                } else if requested {
                    _ = hook.requests.push(Int(frames))
                }
                return SQLITE_OK
            }, context.toOpaque())
    }
}

/// What the WAL hook needs, kept alive by the writer connection it is installed on. Used on the writer
/// thread only (inside its commits).
final class CheckpointHookContext {
    let requests: BlockingQueue<Int>
    let threshold: Int
    let statistics: PoolStatistics
    /// The log's size at the last request, 0 once the log was rewound.
    private var framesAtLastRequest = 0
    /// The log's size after the previous commit: a smaller one now means the log was rewound in between.
    private var framesAfterLastCommit = 0

    init(requests: BlockingQueue<Int>, threshold: Int, statistics: PoolStatistics) {
        self.requests = requests
        self.threshold = max(1, threshold)
        self.statistics = statistics
    }

    /// Whether a commit that left `frames` pages in the log should ask for a background checkpoint: at the
    /// threshold, then again each time the log has grown by a quarter of it. Asking after every commit made
    /// the checkpointer run (and sync the log and the database file) every other commit while the log sat
    /// between one and two thresholds: a passive checkpoint never copies the frames committed while it
    /// runs, so under steady writes the log is not rewound before the writer's own checkpoint at twice the
    /// threshold, and those syncs competed with every commit's own.
    func shouldRequest(frames: Int) -> Bool {
        // Compared with every commit, not only with the last request: a commit of more pages than that request
        // saw right after a rewind would otherwise hide the rewind.
        if frames < framesAfterLastCommit { framesAtLastRequest = 0 }
        framesAfterLastCommit = frames
        guard frames >= threshold, frames >= framesAtLastRequest + max(1, threshold / 4) else { return false }
        framesAtLastRequest = frames
        return true
    }
}
