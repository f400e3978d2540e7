// Benchmark of the incident repositories on SQLite (bench/store/run.sh runs it, release build).
//
// Usage: StoreBench DIR FSYNC_RATE [SECONDS] [INCIDENTS] [reads|storm]
// With `reads`, only part 3 runs (to compare two builds' reads back to back); with `storm`, only issue 5's
// alert storm through the alert repository (AlertStorm.swift).
// 1. durable single creates through SQLiteIncidentRepository.create (incident + created event per commit);
// 2. 64 concurrent creators, batched by the pool's group commit;
// 3. a database of INCIDENTS (default 1,000,000) incidents: reads by id (repository call, and the raw
//    statement path on one connection), and the first page of open sev1 incidents of one service.
import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore

#if canImport(Glibc)
import Glibc
#endif

/// Writes a line unbuffered, so results already measured survive a later failure.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, let fsyncRate = Double(arguments[2]), fsyncRate > 0 else {
    emit("usage: StoreBench DIR FSYNC_RATE [SECONDS] [INCIDENTS] [reads]")
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1], isDirectory: true)
let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 3 : 3
let incidentCount = arguments.count > 4 ? Int(arguments[4]) ?? 1_000_000 : 1_000_000
let duration = Duration.milliseconds(Int64(seconds * 1000))
let readsOnly = arguments.count > 5 && arguments[5] == "reads"
let stormOnly = arguments.count > 5 && arguments[5] == "storm"

func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

func freshPath(_ name: String) -> String {
    let path = directory.appendingPathComponent(name).path
    removeDatabase(path)
    return path
}

func format(_ value: Double) -> String { String(format: "%.0f", value) }
func ratio(_ value: Double) -> String { String(format: "%.2f", value) }
func micros(_ value: Duration) -> String {
    String(format: "%.1f", Double(value.components.attoseconds) / 1e12 + Double(value.components.seconds) * 1e6)
}

/// CPU seconds used by this process so far (user + system).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_stime.tv_usec) / 1e6
}

func makeDraft(_ writer: Int, _ sequence: Int) throws -> IncidentDraft {
    try NewIncident(
        title: "Disk full on db-\(writer)", summary: "writer \(writer) incident \(sequence)", severity: "sev2",
        labels: ["source": "bench"]
    ).validate()
}
let actor = Principal.token("bench")

if stormOnly {
    // About SECONDS of ingestion at ~20,000 alerts/s.
    try await runAlertStorm(
        path: freshPath("store-bench-storm.db"), fsyncRate: fsyncRate, perSender: max(1, Int(seconds * 30)))
    exit(0)
}

// 1. Sequential durable creates.
if !readsOnly {
    let path = freshPath("store-bench-single.db")
    let store = try await KlaxonStore.open(path: path)
    var count = 0
    let start = ContinuousClock.now
    while ContinuousClock.now - start < duration {
        let created = try await store.incidents.create(try makeDraft(0, count), by: actor, at: Date())
        precondition(created.created)
        count += 1
    }
    let elapsed = (ContinuousClock.now - start) / .seconds(1)
    await store.close()
    removeDatabase(path)
    let rate = Double(count) / elapsed
    emit("single_creates_per_s \(format(rate))")
    emit("single_ratio_to_fsync \(ratio(rate / fsyncRate))  (target >= 0.80)")
}

// 2. 64 concurrent creators through group commit.
if !readsOnly {
    let path = freshPath("store-bench-concurrent.db")
    let store = try await KlaxonStore.open(path: path)
    let before = store.pool.statistics
    let writers = 64
    let start = ContinuousClock.now
    let total = try await withThrowingTaskGroup(of: Int.self) { group in
        for writer in 0..<writers {
            group.addTask {
                var done = 0
                while ContinuousClock.now - start < duration {
                    _ = try await store.incidents.create(try makeDraft(writer, done), by: actor, at: Date())
                    done += 1
                }
                return done
            }
        }
        var sum = 0
        for try await count in group { sum += count }
        return sum
    }
    let elapsed = (ContinuousClock.now - start) / .seconds(1)
    let after = store.pool.statistics
    let stored = try await store.pool.read { try $0.queryValue("SELECT count(*) FROM incidents", as: Int.self) } ?? 0
    let events = try await store.pool.read { try $0.queryValue("SELECT count(*) FROM timeline_events", as: Int.self) } ?? 0
    await store.close()
    removeDatabase(path)
    let rate = Double(total) / elapsed
    let commits = after.transactionsCommitted - before.transactionsCommitted
    let callers = after.callersCommitted - before.callersCommitted
    emit("concurrent_creators \(writers)")
    emit("concurrent_creates_per_s \(format(rate))")
    emit("concurrent_ratio_to_fsync \(ratio(rate / fsyncRate))  (target >= 10)")
    emit("callers_per_commit \(ratio(commits == 0 ? 0 : Double(callers) / Double(commits)))  (target >= 8)")
    if stored != total || events != total {
        emit("error: \(total) creates acknowledged but \(stored) incidents and \(events) events stored")
        exit(1)
    }
}

// 3. A large database: reads by id and the dashboard's list.
let bigPath = directory.appendingPathComponent("store-bench-\(incidentCount).db").path
let serviceCount = 20
if !FileManager.default.fileExists(atPath: bigPath) {
    let buildStart = ContinuousClock.now
    let store = try await KlaxonStore.open(path: bigPath)
    for index in 1..<serviceCount {
        _ = try await store.services.create(
            try NewService(name: "service-\(index)").validate(),
            integrationKey: String(format: "%032d", index), at: Date())
    }
    // Statuses and severities spread evenly (60 % of incidents open), services in runs of 25 ids, one created
    // event each; written in chunks of 100,000 rows per transaction.
    let statuses = IncidentStatus.allCases
    let base: Int64 = 1_700_000_000_000
    var next = 1
    while next <= incidentCount {
        let first = next
        let last = min(incidentCount, next + 99_999)
        try await store.pool.write { db in
            for id in first...last {
                // Within each run of 25 ids (one service) every status meets every severity.
                let status = statuses[id % statuses.count]
                let created = base + Int64(id) * 1000
                let severity = Severity.allCases[(id / 5) % 5].rawValue
                let service = Int64((id / 25) % serviceCount + 1)
                try db.execute(
                    """
                    INSERT INTO incidents (id, title, summary, status, severity, service_id, labels, dedup_key,
                        created_at, updated_at, acknowledged_at, resolved_at, closed_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        Int64(id), "Incident \(id) on service \(service)", "Synthetic incident \(id)",
                        status.rawValue, severity, service,
                        id % 10 == 0 ? "{\"env\":\"prod\",\"team\":\"t\(id % 7)\"}" : "{}", created, created,
                        status == .triggered ? nil : created + 60_000,
                        status == .resolved || status == .closed ? created + 120_000 : nil,
                        status == .closed ? created + 180_000 : nil, status == .triggered ? 1 : 2,
                    ])
                try db.execute(
                    """
                    INSERT INTO timeline_events (incident_id, at, kind, actor, message, data)
                    VALUES (?, ?, 'created', 'token:bench', 'Opened', '{}')
                    """, [Int64(id), created])
            }
        }
        next = last + 1
    }
    try await store.pool.writeWithoutTransaction { try $0.executeScript("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;") }
    await store.close()
    emit("built_database_incidents \(incidentCount) in \(ratio((ContinuousClock.now - buildStart) / .seconds(1))) s")
}

do {
    let store = try await KlaxonStore.open(path: bigPath)
    let incidents = store.incidents
    var generator = SystemRandomNumberGenerator()
    let ids = (0..<100_000).map { _ in IncidentID(Int64.random(in: 1...Int64(incidentCount), using: &generator)) }

    // 3a. Repository call, one caller at a time.
    var reads = 0
    var cpuStart = cpuSeconds()
    var start = ContinuousClock.now
    while ContinuousClock.now - start < duration {
        let incident = try await incidents.incident(ids[reads % ids.count])
        precondition(incident.id == ids[reads % ids.count])
        reads += 1
    }
    var elapsed = (ContinuousClock.now - start) / .seconds(1)
    var cpu = cpuSeconds() - cpuStart
    emit("read_by_id_repository_sequential_per_s \(format(Double(reads) / elapsed))  cpu_s_per_s \(ratio(cpu / elapsed))  per_cpu_s \(format(Double(reads) / cpu))")

    // 3b. Repository calls from 8 concurrent callers (the pool's readers work in parallel).
    cpuStart = cpuSeconds()
    start = ContinuousClock.now
    let concurrentStart = start
    let readIDs = ids
    let readDuration = duration
    reads = try await withThrowingTaskGroup(of: Int.self) { group in
        for caller in 0..<8 {
            group.addTask {
                var done = 0
                while ContinuousClock.now - concurrentStart < readDuration {
                    _ = try await incidents.incident(readIDs[(caller * 12_345 + done) % readIDs.count])
                    done += 1
                }
                return done
            }
        }
        var sum = 0
        for try await count in group { sum += count }
        return sum
    }
    elapsed = (ContinuousClock.now - start) / .seconds(1)
    cpu = cpuSeconds() - cpuStart
    emit("read_by_id_repository_8_callers_per_s \(format(Double(reads) / elapsed))  cpu_s_per_s \(ratio(cpu / elapsed))  per_cpu_s \(format(Double(reads) / cpu))")

    // 3c. The raw path on one thread: one reader connection, the same statement and row mapping; first with
    // SQLite's default settings, then tuned as the pool tunes its readers (memory map, larger page cache).
    // With `perTransaction` above 1, that many reads share one read transaction, as queued reads do in the
    // pool's readers under load (`DatabasePool.Configuration.maximumReadBatchSize`).
    func rawReads(_ label: String, on connection: Connection, perTransaction: Int = 1) throws {
        var reads = 0
        let cpuStart = cpuSeconds()
        let start = ContinuousClock.now
        while ContinuousClock.now - start < duration {
            for _ in 0..<(1000 / perTransaction) {
                if perTransaction == 1 {
                    let incident = try SQLiteIncidentRepository.incident(ids[reads % ids.count], on: connection)
                    precondition(incident.id == ids[reads % ids.count])
                    reads += 1
                    continue
                }
                reads = try connection.read { db in
                    var done = reads
                    for _ in 0..<perTransaction {
                        let incident = try SQLiteIncidentRepository.incident(ids[done % ids.count], on: db)
                        precondition(incident.id == ids[done % ids.count])
                        done += 1
                    }
                    return done
                }
            }
        }
        let elapsed = (ContinuousClock.now - start) / .seconds(1)
        let cpu = cpuSeconds() - cpuStart
        emit("\(label) \(format(Double(reads) / elapsed))  cpu_s_per_s \(ratio(cpu / elapsed))  per_cpu_s \(format(Double(reads) / cpu))  (target >= 100000)")
    }
    var configuration = Connection.Configuration()
    configuration.accessMode = .readOnly
    let untuned = try Connection(path: bigPath, configuration: configuration)
    try rawReads("read_by_id_raw_one_thread_default_connection_per_s", on: untuned)
    untuned.close()
    configuration.memoryMapSize = DatabasePool.Configuration().readerMemoryMapSize
    configuration.pageCacheKiB = DatabasePool.Configuration().readerPageCacheKiB
    let connection = try Connection(path: bigPath, configuration: configuration)
    try rawReads("read_by_id_raw_one_thread_per_s", on: connection)
    try rawReads("read_by_id_raw_one_thread_8_per_transaction_per_s", on: connection, perTransaction: 8)

    // 3d. First page of open sev1 incidents of one service.
    var query = IncidentListQuery(statuses: IncidentStatus.openStatuses, severities: [.sev1], limit: 50)
    var latencies: [Duration] = []
    var rawLatencies: [Duration] = []
    let clock = ContinuousClock()
    for round in 0..<2000 {
        query.service = .id(ServiceID(Int64(round % serviceCount + 1)))
        let snapshot = query
        let elapsedCall = try await clock.measure {
            let page = try await incidents.list(snapshot)
            // A full page of 50 on the default 1,000,000 incidents; a small file (a quick check) holds fewer.
            precondition(!page.items.isEmpty && page.items.count <= 50)
        }
        latencies.append(elapsedCall)
        let elapsedRaw = try clock.measure {
            let page = try SQLiteIncidentRepository.list(snapshot, on: connection)
            precondition(!page.items.isEmpty && page.items.count <= 50)
        }
        rawLatencies.append(elapsedRaw)
    }
    latencies.sort()
    rawLatencies.sort()
    emit("list_open_sev1_by_service_repository_median_us \(micros(latencies[latencies.count / 2]))  p99_us \(micros(latencies[latencies.count * 99 / 100]))  (target median < 1000)")
    emit("list_open_sev1_by_service_raw_median_us \(micros(rawLatencies[rawLatencies.count / 2]))  p99_us \(micros(rawLatencies[rawLatencies.count * 99 / 100]))")
    connection.close()
    await store.close()
}
