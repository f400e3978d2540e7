import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore

/// A store on a fresh database file in its own temporary folder, removed when the value goes away.
final class TestStore: Sendable {
    let directory: URL
    let store: KlaxonStore

    var path: String { directory.appendingPathComponent("klaxon.db").path }
    var incidents: SQLiteIncidentRepository { store.incidents }
    var services: SQLiteServiceRepository { store.services }
    var tokens: SQLiteTokenRepository { store.tokens }
    var idempotency: SQLiteIdempotencyRepository { store.idempotency }
    var pool: DatabasePool { store.pool }

    private init(directory: URL, store: KlaxonStore) {
        self.directory = directory
        self.store = store
    }

    static func make() async throws -> TestStore {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("klaxon-repository-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try await KlaxonStore.open(path: directory.appendingPathComponent("klaxon.db").path)
        return TestStore(directory: directory, store: store)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Closes the pool (tests call it at the end so threads and files are released before removal).
    func close() async {
        await store.close()
    }

    /// Counts rows with a query on a reader.
    func count(_ sql: String, _ arguments: [Int64] = []) async throws -> Int {
        try await pool.read { db in try db.queryValue(sql, arguments, as: Int.self) ?? 0 }
    }
}

/// A fixed instant, 2026-11-27T08:30:00Z, so no test reads the clock.
let t0 = Date(timeIntervalSince1970: 1_795_768_200)

/// `t0` plus `seconds`.
func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

let alice = Principal.token("alice")

/// A validated draft for tests.
func draft(
    _ title: String = "Checkout latency above SLO", summary: String? = nil, severity: String? = nil,
    service: ServiceReference? = nil, labels: [String: String]? = nil, dedupKey: String? = nil
) throws -> IncidentDraft {
    try NewIncident(
        title: title, summary: summary, severity: severity, service: service, labels: labels, dedupKey: dedupKey
    ).validate()
}

/// A validated service draft for tests.
func serviceDraft(_ name: String, description: String? = nil, routingLabels: [String: String]? = nil) throws
    -> ServiceDraft
{
    try NewService(name: name, description: description, routingLabels: routingLabels).validate()
}

/// A 32-byte integration key made of one repeated character, distinct per `seed`.
func integrationKey(_ seed: Character) -> String { String(repeating: seed, count: 32) }
