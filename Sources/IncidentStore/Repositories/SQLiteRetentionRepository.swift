import Foundation
import IncidentDomain
import SQLiteCore

/// `RetentionRepository` on SQLite. Both passes start from the resolved and closed incidents (the status index)
/// and reach their alerts through the (incident_id, alert_key) key (`CROSS JOIN` fixes that order in SQLite),
/// so open incidents' alerts are never read.
public struct SQLiteRetentionRepository: RetentionRepository {
    let pool: DatabasePool
    /// Rows per transaction: small enough that an ingesting writer waits a few milliseconds at most.
    let batchSize: Int

    /// A repository over an open, migrated pool (see ``KlaxonStore``).
    public init(pool: DatabasePool, batchSize: Int = 500) {
        self.pool = pool
        self.batchSize = max(1, batchSize)
    }

    public func prune(before cutoff: Date) async throws -> RetentionOutcome {
        let cutoffMilliseconds = Timestamp.milliseconds(cutoff)
        let limit = Int64(batchSize)
        var outcome = RetentionOutcome()
        while true {
            let deleted = try await pool.repositoryWrite { db in
                try db.execute(
                    """
                    DELETE FROM alerts WHERE id IN (
                        SELECT alerts.id FROM incidents CROSS JOIN alerts ON alerts.incident_id = incidents.id
                        WHERE incidents.status IN ('resolved', 'closed')
                          AND alerts.status = 'resolved' AND alerts.resolved_at < ?
                        LIMIT ?)
                    """,
                    [cutoffMilliseconds, limit])
                return db.changedRowCount
            }
            outcome.deletedAlerts += deleted
            if deleted < batchSize { break }
        }
        while true {
            let cleared = try await pool.repositoryWrite { db in
                try db.execute(
                    """
                    UPDATE alerts SET labels = '{}', annotations = '{}', links = '[]', details = '{}'
                    WHERE id IN (
                        SELECT alerts.id FROM incidents CROSS JOIN alerts ON alerts.incident_id = incidents.id
                        WHERE incidents.status = 'closed' AND incidents.closed_at < ?
                          AND (alerts.labels <> '{}' OR alerts.annotations <> '{}' OR alerts.links <> '[]'
                               OR alerts.details <> '{}')
                        LIMIT ?)
                    """,
                    [cutoffMilliseconds, limit])
                return db.changedRowCount
            }
            outcome.clearedPayloads += cleared
            if cleared < batchSize { break }
        }
        return outcome
    }
}
