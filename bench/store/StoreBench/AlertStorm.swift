// `StoreBench DIR FSYNC_RATE SECONDS 0 storm`: issue 5's alert storm without HTTP, to price the one writer's
// work per request apart from the event loops, the JSON decoding and wrk sharing the two cores.
import Foundation
import IncidentDomain
import IncidentStore

#if canImport(Glibc)
import Glibc
#endif

/// CPU seconds (user + system) of each thread of this process, by thread id, from `/proc/self/task`.
func threadCPUSeconds() -> [Int: Double] {
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    var result: [Int: Double] = [:]
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    for task in tasks {
        guard let id = Int(task),
            let stat = try? String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { continue }
        // After "pid (comm)": state is field 3, utime field 14, stime field 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
        result[id] = (user + system) / ticks
    }
    return result
}

/// The Alertmanager payload of `bench/ingest/alertmanager.lua` (10 firing alerts of a new group).
func stormPayload(sender: Int, sequence: Int) -> Data {
    let group = String(format: "%x%011x", sender, sequence)
    let alerts = (0..<10).map { index in
        """
        {"status":"firing","labels":{"alertname":"HighLatency","service":"checkout","group":"g\(group)",\
        "instance":"i-\(index)","severity":"\(index == 0 ? "critical" : "warning")"},\
        "annotations":{"summary":"Checkout latency above 2s","description":"p99 latency on i-\(index)"},\
        "startsAt":"2026-11-27T08:00:00.000Z","endsAt":"0001-01-01T00:00:00Z",\
        "generatorURL":"http://prometheus.example:9090/graph?g0.expr=latency","fingerprint":"\(group)\(String(format: "%02d", index))"}
        """
    }
    let body = """
        {"version":"4","groupKey":"{}:{group=\\"g\(group)\\"}","truncatedAlerts":0,"status":"firing",\
        "receiver":"klaxon","groupLabels":{"group":"g\(group)"},\
        "commonLabels":{"alertname":"HighLatency","service":"checkout","group":"g\(group)"},\
        "commonAnnotations":{"summary":"Checkout latency above 2s"},"externalURL":"http://alertmanager.example:9093",\
        "alerts":[\(alerts.joined(separator: ","))]}
        """
    return Data(body.utf8)
}

/// 64 senders each ingesting `perSender` new 10-alert groups through `SQLiteAlertRepository.ingest`. The
/// payloads are decoded and normalized before the clock starts, so the two cores go to the ingestion itself.
func runAlertStorm(path: String, fsyncRate: Double, perSender: Int) async throws {
    let store = try await KlaxonStore.open(path: path)
    let service = try await store.services.create(
        try NewService(name: "checkout").validate(), integrationKey: String(repeating: "c", count: 32), at: Date())
    let alerts = store.alerts
    let grouping = AlertGrouping()
    let senders = 64
    let batches = try await withThrowingTaskGroup(of: (Int, [[NormalizedAlert]]).self) { group in
        for sender in 0..<senders {
            group.addTask {
                let decoder = JSONDecoder()
                return (
                    sender,
                    try (0..<perSender).map { sequence in
                        try decoder.decode(
                            AlertmanagerWebhook.self, from: stormPayload(sender: sender, sequence: sequence)
                        )
                        .normalized(now: Date())
                    }
                )
            }
        }
        var bySender = [[[NormalizedAlert]]](repeating: [], count: senders)
        for try await (sender, batches) in group { bySender[sender] = batches }
        return bySender
    }
    let before = store.pool.statistics
    let threadsBefore = threadCPUSeconds()
    let cpuStart = cpuSeconds()
    let start = ContinuousClock.now
    let requests = try await withThrowingTaskGroup(of: Int.self) { group in
        for sender in 0..<senders {
            let mine = batches[sender]
            group.addTask {
                for normalized in mine {
                    let outcomes = try await alerts.ingest(
                        normalized, service: .id(service.id), grouping: grouping, webhookID: nil, at: Date())
                    precondition(outcomes.count == 10)
                }
                return mine.count
            }
        }
        var sum = 0
        for try await count in group { sum += count }
        return sum
    }
    let elapsed = (ContinuousClock.now - start) / .seconds(1)
    let cpu = cpuSeconds() - cpuStart
    let threadsAfter = threadCPUSeconds()
    // The writer is the busiest thread in this run (every request's transaction is its work).
    let writerCPU = threadsAfter.map { $0.value - (threadsBefore[$0.key] ?? 0) }.max() ?? 0
    let after = store.pool.statistics
    let stored = try await store.pool.read { try $0.queryValue("SELECT count(*) FROM alerts", as: Int.self) } ?? 0
    await store.close()
    removeDatabase(path)
    let commits = after.transactionsCommitted - before.transactionsCommitted
    let callers = after.callersCommitted - before.callersCommitted
    let alertRate = Double(requests * 10) / elapsed
    emit("storm_alerts_per_s \(format(alertRate))  ratio_to_fsync \(ratio(alertRate / fsyncRate))")
    emit(
        "storm_writer_us_per_request \(format(writerCPU / Double(requests) * 1e6))  writer_busy \(ratio(writerCPU / elapsed))"
    )
    emit("storm_process_cpu_us_per_request \(format(cpu / Double(requests) * 1e6))")
    emit("storm_callers_per_commit \(ratio(commits == 0 ? 0 : Double(callers) / Double(commits)))")
    if stored != requests * 10 {
        emit("error: \(requests * 10) alerts acknowledged but \(stored) stored")
        exit(1)
    }
}
