// Durable-write benchmark of DatabasePool on the real Klaxon schema; bench/sqlite/run.sh alternates it
// with the Python fsync-rate loop so each figure has a baseline measured moments before.
//
// Usage: SQLiteBench MODE DIR [SECONDS]
//   direct      one connection, no pool: BEGIN IMMEDIATE, one incident + its first timeline event, COMMIT
//   single      the same through DatabasePool.write, one caller after another
//   concurrent  64 callers through DatabasePool.write at once, batched by group commit
//   read        on a database of 1,000,000 incidents (built once in DIR and kept): reads of one incident by
//               id (one connection; through the pool, one caller and 16), and the first page of open sev1
//               incidents of one service
// Prints `MODE writes_per_s N` and, for the pool modes, commits and callers per commit.
import Foundation
import IncidentStore
import SQLiteCore

/// Writes a line unbuffered, so progress shows when the output is piped.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
let modes = ["direct", "single", "concurrent", "read"]
guard arguments.count >= 3, modes.contains(arguments[1]) else {
    say("usage: SQLiteBench direct|single|concurrent|read DIR [SECONDS]")
    exit(2)
}
let mode = arguments[1]
let directory = URL(fileURLWithPath: arguments[2], isDirectory: true)
let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 3 : 3
let duration = Duration.milliseconds(Int64(seconds * 1000))
let writerCount = 64

let path = directory.appendingPathComponent("bench-\(mode).db").path
func removeDatabase() {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

/// One incident plus its `created` timeline event, as opening an incident writes them.
@Sendable func openIncident(_ db: Connection, writer: Int, sequence: Int) throws {
    let now = Date()
    try db.execute(
        """
        INSERT INTO incidents (title, summary, severity, service_id, labels, created_at, updated_at)
        VALUES (?, ?, 'sev2', 1, '{"source":"bench"}', ?, ?)
        """, ["Disk full on db-\(writer)", "writer \(writer) incident \(sequence)", now, now])
    let id = db.lastInsertedRowID
    try db.execute(
        """
        INSERT INTO timeline_events (incident_id, at, kind, actor, message, data)
        VALUES (?, ?, 'created', 'token:bench', 'opened', '{}')
        """, [id, now])
}

func report(_ writes: Int, since start: ContinuousClock.Instant, statistics: WriteStatistics? = nil) {
    let elapsed = (ContinuousClock.now - start) / .seconds(1)
    var line = "\(mode) writes_per_s \(String(format: "%.0f", Double(writes) / elapsed))"
    if let statistics {
        line += " commits_per_s \(String(format: "%.0f", Double(statistics.transactionsCommitted) / elapsed))"
        line += " callers_per_commit \(String(format: "%.2f", statistics.averageCallersPerCommit))"
        line += " largest_batch \(statistics.largestBatch)"
        line += " checkpoints \(statistics.checkpoints) writer_checkpoints \(statistics.writerCheckpoints)"
    }
    say(line)
}

if mode == "read" {
    try await ReadBenchmark(path: path, duration: duration).run()
    exit(0)
}

removeDatabase()
defer { removeDatabase() }
let pool = try await KlaxonDatabase.open(path: path)

switch mode {
case "direct":
    await pool.close()
    let connection = try Connection(path: path)
    var writes = 0
    let start = ContinuousClock.now
    while ContinuousClock.now - start < duration {
        try connection.write { try openIncident($0, writer: 0, sequence: writes) }
        writes += 1
    }
    report(writes, since: start)
    connection.close()

case "single":
    let before = pool.statistics
    var writes = 0
    let start = ContinuousClock.now
    while ContinuousClock.now - start < duration {
        let sequence = writes
        try await pool.write { try openIncident($0, writer: 0, sequence: sequence) }
        writes += 1
    }
    var delta = pool.statistics
    delta.transactionsCommitted -= before.transactionsCommitted
    delta.callersCommitted -= before.callersCommitted
    delta.checkpoints -= before.checkpoints
    delta.writerCheckpoints -= before.writerCheckpoints
    report(writes, since: start, statistics: delta)
    await pool.close()

default:
    let before = pool.statistics
    let start = ContinuousClock.now
    let writes = try await withThrowingTaskGroup(of: Int.self) { group in
        for writer in 0..<writerCount {
            group.addTask {
                var done = 0
                while ContinuousClock.now - start < duration {
                    let sequence = done
                    try await pool.write { try openIncident($0, writer: writer, sequence: sequence) }
                    done += 1
                }
                return done
            }
        }
        var sum = 0
        for try await count in group { sum += count }
        return sum
    }
    var delta = pool.statistics
    delta.transactionsCommitted -= before.transactionsCommitted
    delta.callersCommitted -= before.callersCommitted
    delta.checkpoints -= before.checkpoints
    delta.writerCheckpoints -= before.writerCheckpoints
    report(writes, since: start, statistics: delta)
    let stored = try await pool.read { try $0.queryValue("SELECT count(*) FROM incidents", as: Int.self) } ?? 0
    await pool.close()
    if stored != writes {
        say("error: \(writes) writes acknowledged but \(stored) incidents stored")
        exit(1)
    }
}
