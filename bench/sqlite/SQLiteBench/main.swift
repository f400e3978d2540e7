// Durable-write benchmark of DatabasePool on the real Klaxon schema (bench/sqlite/run.sh runs it).
//
// Usage: SQLiteBench DIR FSYNC_RATE [SECONDS]
// 1. sequential durable writes: one incident and its first timeline event per commit;
// 2. 64 concurrent writers doing the same, batched by group commit.
import Foundation
import IncidentStore
import SQLiteCore

let arguments = CommandLine.arguments
guard arguments.count >= 3, let fsyncRate = Double(arguments[2]), fsyncRate > 0 else {
    print("usage: SQLiteBench DIR FSYNC_RATE [SECONDS]")
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1], isDirectory: true)
let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 3 : 3
let duration = Duration.milliseconds(Int64(seconds * 1000))

func freshPath(_ name: String) -> String {
    let path = directory.appendingPathComponent(name).path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    return path
}

func removeDatabase(_ path: String) {
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
        "INSERT INTO timeline_events (incident_id, at, kind, actor, message, data) VALUES (?, ?, 'created', 'token:bench', 'opened', '{}')",
        [id, now])
}

func format(_ value: Double) -> String { String(format: "%.0f", value) }
func ratio(_ value: Double) -> String { String(format: "%.2f", value) }

// 1. Sequential durable writes.
let singlePath = freshPath("bench-single.db")
let single = try await KlaxonDatabase.open(path: singlePath)
var singleCommits = 0
let singleStart = ContinuousClock.now
while ContinuousClock.now - singleStart < duration {
    let sequence = singleCommits
    try await single.write { try openIncident($0, writer: 0, sequence: sequence) }
    singleCommits += 1
}
let singleElapsed = (ContinuousClock.now - singleStart) / .seconds(1)
await single.close()
removeDatabase(singlePath)
let singleRate = Double(singleCommits) / singleElapsed
print("single_writes_per_s \(format(singleRate))")
print("single_ratio_to_fsync \(ratio(singleRate / fsyncRate))  (target >= 0.80)")

// 2. 64 concurrent writers through group commit.
let concurrentPath = freshPath("bench-concurrent.db")
let concurrent = try await KlaxonDatabase.open(path: concurrentPath)
let before = concurrent.statistics
let concurrentStart = ContinuousClock.now
let writerCount = 64
let total = try await withThrowingTaskGroup(of: Int.self) { group in
    for writer in 0..<writerCount {
        group.addTask {
            var done = 0
            while ContinuousClock.now - concurrentStart < duration {
                let sequence = done
                try await concurrent.write { try openIncident($0, writer: writer, sequence: sequence) }
                done += 1
            }
            return done
        }
    }
    var sum = 0
    for try await count in group { sum += count }
    return sum
}
let concurrentElapsed = (ContinuousClock.now - concurrentStart) / .seconds(1)
let after = concurrent.statistics
let stored = try await concurrent.read { try $0.queryValue("SELECT count(*) FROM incidents", as: Int.self) } ?? 0
await concurrent.close()
removeDatabase(concurrentPath)
let concurrentRate = Double(total) / concurrentElapsed
let commits = after.transactionsCommitted - before.transactionsCommitted
let callers = after.callersCommitted - before.callersCommitted
print("concurrent_writers \(writerCount)")
print("concurrent_writes_per_s \(format(concurrentRate))")
print("concurrent_ratio_to_fsync \(ratio(concurrentRate / fsyncRate))  (target >= 10)")
print("concurrent_commits_per_s \(format(Double(commits) / concurrentElapsed))")
print("callers_per_commit \(ratio(commits == 0 ? 0 : Double(callers) / Double(commits)))  (target >= 8)")
print("largest_batch \(after.largestBatch)")
if stored != total {
    print("error: \(total) writes acknowledged but \(stored) incidents stored")
    exit(1)
}
