import Foundation
import IncidentDomain
import SQLiteCore

/// `ReportRepository` on SQLite: the rows the statistics, error budgets and the toil report are computed
/// from (the arithmetic is the domain's).
public struct SQLiteReportRepository: ReportRepository {
    let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// The columns `responseRecord(_:)` reads, for incidents `i` left-joined with services `s`.
    static let responseColumns = """
        i.id, i.status, i.severity, s.name, i.created_at, \
        (SELECT min(a.starts_at) FROM alerts a WHERE a.incident_id = i.id), \
        i.acknowledged_at, i.mitigated_at, i.resolved_at, \
        (SELECT count(*) FROM timeline_events t WHERE t.incident_id = i.id AND t.kind = 'escalated')
        """

    static func responseRecord(_ row: Statement) throws -> IncidentResponseRecord {
        let status = try IncidentStatus(stored: row.string(at: 1), column: "incidents.status")
        let severity = try Severity(stored: row.string(at: 2), column: "incidents.severity")
        return IncidentResponseRecord(
            id: IncidentID(try row.int64(at: 0)), status: status, severity: severity,
            service: try row.optionalString(at: 3), createdAt: Timestamp.date(milliseconds: try row.int64(at: 4)),
            firstAlertAt: try row.optionalInt64(at: 5).map(Timestamp.date(milliseconds:)),
            acknowledgedAt: try row.optionalInt64(at: 6).map(Timestamp.date(milliseconds:)),
            mitigatedAt: try row.optionalInt64(at: 7).map(Timestamp.date(milliseconds:)),
            resolvedAt: try row.optionalInt64(at: 8).map(Timestamp.date(milliseconds:)),
            escalations: try row.column(9, as: Int.self))
    }

    public func responseRecords(
        since: Date, until: Date, service: ServiceReference?, severities: [Severity]
    ) async throws -> [IncidentResponseRecord] {
        try await pool.repositoryRead { db in
            var sql = """
                SELECT \(Self.responseColumns) FROM incidents i LEFT JOIN services s ON s.id = i.service_id
                WHERE i.created_at >= ? AND i.created_at < ?
                """
            var arguments: [(any SQLiteValueConvertible)?] = [
                Timestamp.milliseconds(since), Timestamp.milliseconds(until),
            ]
            if let service {
                guard let found = try ServiceRows.find(service, in: db) else {
                    throw ServiceRows.unknown(service, in: db)
                }
                sql += " AND i.service_id = ?"
                arguments.append(found.id.rawValue)
            }
            if !severities.isEmpty {
                sql += " AND i.severity IN (\(severities.map { _ in "?" }.joined(separator: ", ")))"
                arguments.append(contentsOf: severities.map { $0.rawValue as (any SQLiteValueConvertible)? })
            }
            return try db.query(sql + " ORDER BY i.id", arguments, row: Self.responseRecord)
        }
    }

    /// The columns `impact(_:)` reads, for incidents `i`.
    static let impactColumns = """
        i.id, i.title, i.severity, i.created_at, i.mitigated_at, i.resolved_at, i.closed_at, \
        (SELECT min(a.starts_at) FROM alerts a WHERE a.incident_id = i.id), i.impact_started_at, i.service_id
        """

    /// The impact of the incident on the current row (see `IncidentImpact`): from the hand-set start, else the
    /// earlier of creation and first alert, to the first mitigation, else the resolution.
    static func impact(_ row: Statement) throws -> IncidentImpact {
        let severity = try Severity(stored: row.string(at: 2), column: "incidents.severity")
        let created = try row.int64(at: 3)
        let firstAlert = try row.optionalInt64(at: 7)
        let handSet = try row.optionalInt64(at: 8)
        let end = try row.optionalInt64(at: 4) ?? row.optionalInt64(at: 5) ?? row.optionalInt64(at: 6)
        return IncidentImpact(
            incident: IncidentID(try row.int64(at: 0)), title: try row.string(at: 1), severity: severity,
            start: Timestamp.date(milliseconds: handSet ?? min(created, firstAlert ?? created)),
            end: end.map(Timestamp.date(milliseconds:)))
    }

    /// The impacts of `service`'s incidents that began by `to` and were still going at or after `from`.
    static func impacts(ofService service: ServiceID, from: Date, to: Date, now: Date, in db: Connection) throws
        -> [IncidentImpact]
    {
        let nowMS = Timestamp.milliseconds(now)
        return try db.query(
            """
            SELECT \(impactColumns) FROM incidents i
            WHERE i.service_id = ? AND coalesce(i.impact_started_at, i.created_at) <= ?
                AND coalesce(i.mitigated_at, i.resolved_at, i.closed_at, ?) >= ?
            ORDER BY i.id
            """,
            [service.rawValue, Timestamp.milliseconds(to), nowMS, Timestamp.milliseconds(from)], row: impact)
    }

    public func serviceImpacts(
        _ service: ServiceReference, from: Date, now: Date
    ) async throws -> (service: Service, impacts: [IncidentImpact]) {
        try await pool.repositoryRead { db in
            let found = try ServiceRows.require(service, in: db)
            return (found, try Self.impacts(ofService: found.id, from: from, to: now, now: now, in: db))
        }
    }

    public func budgetMinutes(of incident: IncidentID, now: Date) async throws -> Double {
        try await pool.repositoryRead { db in
            guard
                let (impact, serviceID) = try db.queryFirst(
                    "SELECT \(Self.impactColumns) FROM incidents i WHERE i.id = ?", [incident.rawValue],
                    row: { (try Self.impact($0), try $0.optionalInt64(at: 9)) })
            else { throw IncidentError.notFound(.incident, id: incident.description) }
            guard let serviceID else { return ErrorBudget.minutesSpent(by: impact, now: now) }
            let service = try ServiceRows.require(.id(ServiceID(serviceID)), in: db)
            let others = try Self.impacts(
                ofService: service.id, from: impact.start, to: impact.end ?? now, now: now, in: db)
            return ErrorBudget.minutesSpent(
                by: impact, among: others, weights: service.slo?.severityWeights ?? .default, now: now)
        }
    }

    public func toilHistory(since: Date, service: ServiceReference?) async throws -> ToilHistory {
        try await pool.repositoryRead { db in
            let sinceMS = Timestamp.milliseconds(since)
            // Of one service: `i.service_id = ?2`; of all: the condition holds for every row (NULL matches all).
            var serviceID: Int64?
            if let service {
                guard let found = try ServiceRows.find(service, in: db) else {
                    throw ServiceRows.unknown(service, in: db)
                }
                serviceID = found.id.rawValue
            }
            let ofService = "(?2 IS NULL OR i.service_id = ?2)"
            let arguments: [(any SQLiteValueConvertible)?] = [sinceMS, serviceID]
            let alerts = try db.query(
                """
                SELECT a.source, coalesce(json_extract(a.labels, '$.alertname'), a.title), a.dedup_key, a.incident_id,
                    a.times_seen
                FROM alerts a JOIN incidents i ON i.id = a.incident_id
                WHERE i.created_at >= ?1 AND \(ofService)
                """,
                arguments
            ) { row in
                ToilHistory.Alert(
                    source: try row.string(at: 0), name: try row.string(at: 1), dedupKey: try row.string(at: 2),
                    incident: IncidentID(try row.int64(at: 3)), timesSeen: try row.column(4, as: Int.self))
            }
            let incidents = try db.query(
                """
                SELECT \(Self.responseColumns) FROM incidents i LEFT JOIN services s ON s.id = i.service_id
                WHERE i.created_at >= ?1 AND \(ofService) AND EXISTS (SELECT 1 FROM alerts a WHERE a.incident_id = i.id)
                """,
                arguments, row: Self.responseRecord)
            // A page is one paged event reaching one recipient, however many contact methods they have; a page
            // cancelled before it went out (the incident resolved first) paged nobody.
            let pages = try db.query(
                """
                SELECT o.incident_id, min(o.created_at), o.user_handle
                FROM notification_outbox o JOIN incidents i ON i.id = o.incident_id
                WHERE i.created_at >= ?1 AND \(ofService) AND o.status <> 'cancelled'
                  AND EXISTS (SELECT 1 FROM alerts a WHERE a.incident_id = i.id)
                GROUP BY o.timeline_event_id, coalesce('user:' || o.user_handle, 'address:' || o.address)
                """,
                arguments
            ) { row in
                ToilHistory.Page(
                    incident: IncidentID(try row.int64(at: 0)), at: Timestamp.date(milliseconds: try row.int64(at: 1)),
                    user: try row.optionalString(at: 2))
            }
            let handles = Set(pages.compactMap(\.user))
            var people: [String: ToilHistory.Person] = [:]
            for user in try db.query("SELECT \(UserRows.columns) FROM users", row: UserRows.read)
            where handles.contains(user.handle) {
                people[user.handle] = ToilHistory.Person(timeZone: user.timeZone, workingHours: user.workingHours)
            }
            return ToilHistory(alerts: alerts, incidents: incidents, pages: pages, people: people)
        }
    }
}
