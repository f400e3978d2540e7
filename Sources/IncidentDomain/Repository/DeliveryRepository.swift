import Foundation

/// The delivery worker's storage: claiming due outbox messages, recording attempts, and the history.
public protocol DeliveryRepository: Sendable {
    /// Marks up to `limit` due messages (pending, `next_attempt_at <= now`; email only when `includingEmail`,
    /// i.e. an SMTP relay is configured) `sending` in one durable transaction and returns them: a message is
    /// marked before its request leaves.
    func claimDue(at now: Date, limit: Int, includingEmail: Bool) async throws -> [DeliveryJob]
    /// How many users have an email contact (start-up warns when they exist and no relay is configured).
    func usersWithEmailCount() async throws -> Int
    /// After a crash: messages left `sending` become due again at once (to be sent with the same
    /// `webhook-id`); returns how many.
    func releaseInFlight(at now: Date) async throws -> Int
    /// Records an attempt and its outcome in one transaction. `.dead` also appends a `notification_dead`
    /// event and, if the incident is still triggered at the level that paged, escalates it at once.
    func record(_ attempt: DeliveryAttempt, of message: OutboxMessageID, outcome: DeliveryOutcome, at now: Date)
        async throws
    /// Every message of the incident with its attempts, oldest first (`notFound` for an unknown incident).
    func deliveries(of incident: IncidentID) async throws -> [Delivery]
    /// The server's key for signing one-click action links (generated once by the migration).
    func actionLinkKey() async throws -> [UInt8]
    /// Sets (or with nil clears) the signing secret of a user's webhook and Slack pages.
    func setUserSigningSecret(_ secret: String?, for user: OnCallReference) async throws
    /// Sets (or with nil clears) the signing secret of a policy's raw webhook targets.
    func setPolicySigningSecret(_ secret: String?, for policy: OnCallReference) async throws
}
