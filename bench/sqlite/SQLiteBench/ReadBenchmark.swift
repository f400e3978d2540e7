import Foundation
import IncidentStore
import SQLiteCore

/// Read figures of the SQLite issue on a database of a million incidents.
struct ReadBenchmark {
    let path: String
    let duration: Duration
    let incidentCount = 1_000_000
    let serviceCount = 20

    static let byID = """
        SELECT id, title, summary, status, severity, service_id, commander, labels, dedup_key, escalation_level,
               created_at, acknowledged_at, mitigated_at, resolved_at, closed_at, version
        FROM incidents WHERE id = ?
        """
    static let openSev1Page = """
        SELECT id, title, status, severity, created_at, version FROM incidents
        WHERE service_id = ? AND severity = 'sev1' AND status NOT IN ('resolved', 'closed')
        ORDER BY created_at DESC, id DESC LIMIT 50
        """

    /// The columns an incident row carries, decoded as a repository would.
    struct Row: Sendable {
        let id: Int64
        let title: String
        let summary: String
        let status: String
        let severity: String
        let serviceID: Int64?
        let commander: String?
        let labels: String
        let dedupKey: String?
        let escalationLevel: Int
        let createdAt: Date
        let acknowledgedAt: Date?
        let mitigatedAt: Date?
        let resolvedAt: Date?
        let closedAt: Date?
        let version: Int64

        init(_ s: Statement) throws {
            id = try s.column(0)
            title = try s.column(1)
            summary = try s.column(2)
            status = try s.column(3)
            severity = try s.column(4)
            serviceID = try s.column(5)
            commander = try s.column(6)
            labels = try s.column(7)
            dedupKey = try s.column(8)
            escalationLevel = try s.column(9)
            createdAt = try s.column(10)
            acknowledgedAt = try s.column(11)
            mitigatedAt = try s.column(12)
            resolvedAt = try s.column(13)
            closedAt = try s.column(14)
            version = try s.column(15)
        }
    }

    func run() async throws {
        try await populateIfNeeded()

        // One connection on this thread: the cost of SQLite and decoding alone.
        let connection = try Connection(path: path)
        var generator = FastRandom(seed: 42)
        var reads = 0
        var start = ContinuousClock.now
        let cpuStart = threadCPUSeconds()
        while ContinuousClock.now - start < duration {
            let id = Int64.random(in: 1...Int64(incidentCount), using: &generator)
            _ = try connection.queryFirst(Self.byID, [id]) { try Row($0) }
            reads += 1
        }
        say("read_by_id_direct_per_s \(rate(reads, since: start))")
        // The machine is shared: reads per second of this thread's own CPU time is the one-core figure.
        say("read_by_id_direct_per_cpu_s \(String(format: "%.0f", Double(reads) / (threadCPUSeconds() - cpuStart)))")

        let pool = try await KlaxonDatabase.open(path: path)
        reads = 0
        start = ContinuousClock.now
        while ContinuousClock.now - start < duration {
            let id = Int64.random(in: 1...Int64(incidentCount), using: &generator)
            _ = try await pool.read { try $0.queryFirst(Self.byID, [id]) { try Row($0) } }
            reads += 1
        }
        say("read_by_id_pool_one_caller_per_s \(rate(reads, since: start))")

        let concurrentStart = ContinuousClock.now
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask { [incidentCount, duration] in
                    var generator = FastRandom(seed: UInt64.random(in: 1...UInt64.max))
                    var done = 0
                    while ContinuousClock.now - concurrentStart < duration {
                        let id = Int64.random(in: 1...Int64(incidentCount), using: &generator)
                        _ = try await pool.read { try $0.queryFirst(Self.byID, [id]) { try Row($0) } }
                        done += 1
                    }
                    return done
                }
            }
            return try await group.reduce(0, +)
        }
        say("read_by_id_pool_16_callers_per_s \(rate(total, since: concurrentStart))")

        var listCPU = 0.0
        var directLatencies: [Duration] = []
        var poolLatencies: [Duration] = []
        var rowsSeen = 0
        for round in 0..<2000 {
            let service = Int64(round % serviceCount + 1)
            let before = ContinuousClock.now
            let cpuBefore = threadCPUSeconds()
            let rows = try connection.query(Self.openSev1Page, [service]) { try $0.column(0, as: Int64.self) }
            listCPU += threadCPUSeconds() - cpuBefore
            directLatencies.append(ContinuousClock.now - before)
            rowsSeen += rows.count
            let beforePool = ContinuousClock.now
            _ = try await pool.read { db in
                try db.query(Self.openSev1Page, [service]) { try $0.column(0, as: Int64.self) }
            }
            poolLatencies.append(ContinuousClock.now - beforePool)
        }
        say("list_open_sev1_by_service_rows_per_page \(rowsSeen / 2000)")
        say("list_open_sev1_by_service_direct_median_us \(median(directLatencies))")
        say("list_open_sev1_by_service_direct_mean_cpu_us \(String(format: "%.1f", listCPU / 2000 * 1_000_000))")
        say("list_open_sev1_by_service_pool_median_us \(median(poolLatencies))")
        connection.close()
        await pool.close()
    }

    /// xorshift64*: the system generator makes a getrandom system call per number, which would dominate.
    struct FastRandom: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
    }

    /// CPU time consumed by the calling thread so far.
    private func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func rate(_ count: Int, since start: ContinuousClock.Instant) -> String {
        String(format: "%.0f", Double(count) / ((ContinuousClock.now - start) / .seconds(1)))
    }

    private func median(_ durations: [Duration]) -> String {
        let sorted = durations.sorted()
        return String(format: "%.1f", sorted[sorted.count / 2] / .microseconds(1))
    }

    /// Builds the million-incident file once: 20 services, a few hundred open incidents among mostly
    /// closed ones, severities spread over sev1…sev5.
    private func populateIfNeeded() async throws {
        if FileManager.default.fileExists(atPath: path) {
            let connection = try Connection(path: path)
            let count = try connection.queryValue("SELECT count(*) FROM incidents", as: Int.self)
            if count == incidentCount { return }
            connection.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let pool = try await KlaxonDatabase.open(path: path)
        await pool.close()
        let connection = try Connection(path: path)
        let started = ContinuousClock.now
        try connection.write { db in
            for service in 1..<serviceCount {
                try db.execute(
                    "INSERT INTO services (name, integration_key, created_at, updated_at) VALUES (?, ?, 0, 0)",
                    ["service-\(service)", String(repeating: String(service % 10), count: 32) + "\(service)"])
            }
        }
        let statuses = ["resolved", "closed", "closed", "closed"]
        let insert = try connection.prepare(
            """
            INSERT INTO incidents (title, summary, status, severity, service_id, labels, dedup_key, created_at,
                                   updated_at, resolved_at, closed_at, version)
            VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 3)
            """)
        let base: Int64 = 1_700_000_000_000
        var next = 1
        while next <= incidentCount {
            try connection.write { _ in
                for index in next..<min(next + 20_000, incidentCount + 1) {
                    let open = index % 499 == 0  // 499 is prime: open ones spread over services and severities
                    let status = open ? "triggered" : statuses[index % statuses.count]
                    let created = base + Int64(index) * 1000
                    try insert.reset()
                    try insert.bind([
                        "Incident \(index) on host-\(index % 997)", "Generated for the read benchmark.", status,
                        "sev\(index % 5 + 1)", Int64(index % serviceCount + 1), #"{"team":"t\#(index % 7)"}"#,
                        created, created, open ? nil : created + 60_000, status == "closed" ? created + 120_000 : nil,
                    ])
                    try insert.run()
                }
            }
            next += 20_000
        }
        say("populated \(incidentCount) incidents in \((ContinuousClock.now - started) / .seconds(1)) s")
        connection.close()
    }
}
