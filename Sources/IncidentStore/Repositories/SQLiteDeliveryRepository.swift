import Foundation
import IncidentDomain
import SQLiteCore

/// `DeliveryRepository` on SQLite. A message is `sending` from its claim until its attempt is recorded; each
/// step is one durable transaction, so after a crash exactly the messages that may have reached their receiver
/// are sent again (`releaseInFlight`), with the `webhook_id` they had.
public struct SQLiteDeliveryRepository: DeliveryRepository {
    let pool: DatabasePool
    /// Seals the outbound signing secrets and the action-link key at rest.
    let secrets: SecretSealer

    public init(pool: DatabasePool, secrets: SecretSealer) {
        self.pool = pool
        self.secrets = secrets
    }

    static let columns = "\(EscalationRows.outboxColumns), webhook_id, next_attempt_at, sent_at, last_error"

    public func claimDue(at now: Date, limit: Int, includingEmail: Bool) async throws -> [DeliveryJob] {
        try await pool.repositoryWrite { db in
            let nowMS = Timestamp.milliseconds(now)
            let arguments: [(any SQLiteValueConvertible)?] = includingEmail ? [nowMS, nowMS, limit] : [nowMS, limit]
            // Each half has its partial index (notification_outbox_due, notification_outbox_due_email).
            let ids = try db.query(
                includingEmail
                    ? """
                    SELECT id, next_attempt_at FROM notification_outbox
                    WHERE status = 'pending' AND next_attempt_at <= ? AND channel <> 'email'
                    UNION ALL
                    SELECT id, next_attempt_at FROM notification_outbox
                    WHERE status = 'pending' AND next_attempt_at <= ? AND channel = 'email'
                    ORDER BY 2, 1 LIMIT ?
                    """
                    : """
                    SELECT id FROM notification_outbox
                    WHERE status = 'pending' AND next_attempt_at <= ? AND channel <> 'email'
                    ORDER BY next_attempt_at, id LIMIT ?
                    """, arguments
            ) { try $0.column(0, as: Int64.self) }
            let cancelled = try EscalationRows.cancelMoot(ids.map { OutboxMessageID($0) }, at: now, in: db)
            return try ids.filter { !cancelled.contains(OutboxMessageID($0)) }.map { id in
                try db.execute("UPDATE notification_outbox SET status = 'sending' WHERE id = ?", [id])
                guard
                    let (message, webhookID) = try db.queryFirst(
                        "SELECT \(EscalationRows.outboxColumns), webhook_id FROM notification_outbox WHERE id = ?",
                        [id],
                        row: { (try EscalationRows.readOutbox($0), try $0.column(13, as: String.self)) })
                else { throw StoredDataError(column: "notification_outbox.id", found: String(id)) }
                return DeliveryJob(
                    message: message, webhookID: webhookID,
                    signingSecret: try Self.signingSecret(of: message, in: db, secrets: secrets))
            }
        }
    }

    /// The user's secret for a page to a user, else the secret of the policy that paged a raw webhook.
    static func signingSecret(of message: OutboxMessage, in db: Connection, secrets: SecretSealer) throws -> String? {
        let sealed: String?
        let column: String
        if let user = message.recipient.user {
            column = "users.signing_secret"
            sealed =
                try db.queryFirst(
                    "SELECT signing_secret FROM users WHERE handle = ?", [user],
                    row: { try $0.column(0, as: String?.self) }) ?? nil
        } else {
            guard case .object(let escalation)? = message.payload["escalation"],
                case .string(let policy)? = escalation["policy"]
            else { return nil }
            column = "escalation_policies.signing_secret"
            sealed =
                try db.queryFirst(
                    "SELECT signing_secret FROM escalation_policies WHERE name = ?", [policy],
                    row: { try $0.column(0, as: String?.self) }) ?? nil
        }
        return try sealed.map { try secrets.openText($0, column: column) }
    }

    public func usersWithEmailCount() async throws -> Int {
        try await pool.repositoryRead { db in
            try db.queryValue("SELECT count(*) FROM users WHERE email IS NOT NULL", as: Int.self) ?? 0
        }
    }

    public func releaseInFlight(at now: Date) async throws -> Int {
        try await pool.repositoryWrite { db in
            try db.execute(
                """
                UPDATE notification_outbox SET status = 'pending', next_attempt_at = min(next_attempt_at, ?)
                WHERE status = 'sending'
                """, [Timestamp.milliseconds(now)])
            return db.changedRowCount
        }
    }

    public func record(
        _ attempt: DeliveryAttempt, of message: OutboxMessageID, outcome: DeliveryOutcome, at now: Date
    ) async throws {
        try await pool.repositoryWrite { db in
            guard
                let stored = try db.queryFirst(
                    "SELECT \(EscalationRows.outboxColumns) FROM notification_outbox WHERE id = ? AND status = 'sending'",
                    [message.rawValue], row: EscalationRows.readOutbox)
            else { return }
            try db.execute(
                """
                INSERT INTO notification_attempts (outbox_id, started_at, duration_ms, outcome, http_status, error)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    message.rawValue, Timestamp.milliseconds(attempt.startedAt),
                    Int64(max(attempt.duration, 0) * 1000), attempt.succeeded ? "success" : "failure",
                    attempt.httpStatus, attempt.error,
                ])
            let millis = Timestamp.milliseconds(now)
            switch outcome {
            case .sent:
                try db.execute(
                    """
                    UPDATE notification_outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?,
                        last_error = NULL WHERE id = ?
                    """, [millis, message.rawValue])
            case .retry(let next):
                try db.execute(
                    """
                    UPDATE notification_outbox SET status = 'pending', attempts = attempts + 1, next_attempt_at = ?,
                        last_error = ? WHERE id = ?
                    """, [Timestamp.milliseconds(next), attempt.error, message.rawValue])
                // The incident may have moved on while this page was on its way.
                _ = try EscalationRows.cancelMoot([message], at: now, in: db)
            case .dead:
                try db.execute(
                    "UPDATE notification_outbox SET status = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?",
                    [attempt.error, message.rawValue])
                try Self.escalateDead(stored, error: attempt.error ?? "failed", at: now, in: db)
            }
        }
    }

    /// A dead page is itself an incident of the incident: the timeline says so, and when the incident is still
    /// triggered at the level whose page died, the policy moves on at once (one escalation per level, however
    /// many of its pages die).
    static func escalateDead(_ message: OutboxMessage, error: String, at now: Date, in db: Connection) throws {
        let recipient = message.recipient.user.map { "@\($0)" } ?? message.recipient.shareableAddress
        let event = NewTimelineEvent(
            at: now, kind: .notificationDead, actor: .system,
            message:
                "Page to \(recipient) (\(message.recipient.channel.rawValue)) given up after \(message.attempts + 1) attempts: \(error)",
            data: [
                "outbox_id": .int(message.id.rawValue), "channel": .string(message.recipient.channel.rawValue),
                "address": .string(message.recipient.shareableAddress), "user": .string(message.recipient.user),
                "level": .int(Int64(message.level)), "cycle": .int(Int64(message.cycle)), "error": .string(error),
            ])
        _ = try TimelineRows.append([event], to: message.incidentID, in: db)
        guard let incident = try IncidentRows.find(message.incidentID, in: db), incident.status == .triggered,
            let state = try EscalationRows.state(of: message.incidentID, in: db), !state.exhausted,
            state.level == message.level, state.cycle == message.cycle
        else { return }
        let change = try incident.applying(
            .escalate, at: now, by: .system,
            note: "at once, since the page to \(recipient) at level \(message.level) could not be delivered")
        _ = try SQLiteIncidentRepository.store(change, replacing: incident, in: db)
    }

    public func deliveries(of incident: IncidentID) async throws -> [Delivery] {
        try await pool.repositoryRead { db in
            try SQLiteIncidentRepository.requireExists(incident, in: db)
            let rows = try db.query(
                "SELECT \(Self.columns) FROM notification_outbox WHERE incident_id = ? ORDER BY id", [incident.rawValue]
            ) { row in
                let message = try EscalationRows.readOutbox(row)
                let pendingAt = try row.column(14, as: Int64.self)
                return Delivery(
                    message: message, webhookID: try row.column(13, as: String.self),
                    nextAttemptAt: ["pending", "sending"].contains(message.status)
                        ? Timestamp.date(milliseconds: pendingAt) : nil,
                    sentAt: try row.column(15, as: Int64?.self).map { Timestamp.date(milliseconds: $0) },
                    lastError: try row.column(16, as: String?.self), attempts: [])
            }
            return try rows.map { delivery in
                var delivery = delivery
                delivery.attempts = try db.query(
                    """
                    SELECT started_at, duration_ms, http_status, error FROM notification_attempts
                    WHERE outbox_id = ? ORDER BY id
                    """, [delivery.message.id.rawValue]
                ) { row in
                    DeliveryAttempt(
                        startedAt: Timestamp.date(milliseconds: try row.column(0, as: Int64.self)),
                        duration: TimeInterval(try row.column(1, as: Int64.self)) / 1000,
                        httpStatus: try row.column(2, as: Int?.self), error: try row.column(3, as: String?.self))
                }
                return delivery
            }
        }
    }

    public func actionLinkKey() async throws -> [UInt8] {
        try await pool.repositoryRead { db in
            guard
                let key = try db.queryFirst(
                    "SELECT secret FROM server_secrets WHERE name = 'action_links'",
                    row: { try $0.column(0, as: [UInt8].self) })
            else { throw StoredDataError(column: "server_secrets.action_links", found: "no row") }
            return try secrets.open(String(decoding: key, as: UTF8.self), column: "server_secrets.action_links")
        }
    }

    public func setUserSigningSecret(_ secret: String?, for user: OnCallReference) async throws {
        try await pool.repositoryWrite { db in
            let found = try UserRows.require(user, in: db)
            try db.execute(
                "UPDATE users SET signing_secret = ? WHERE id = ?",
                [secret.map { secrets.seal($0) }, found.id.rawValue])
        }
    }

    public func setPolicySigningSecret(_ secret: String?, for policy: OnCallReference) async throws {
        try await pool.repositoryWrite { db in
            let found = try EscalationPolicyRows.require(policy, in: db)
            try db.execute(
                "UPDATE escalation_policies SET signing_secret = ? WHERE id = ?",
                [secret.map { secrets.seal($0) }, found.id.rawValue])
        }
    }
}
