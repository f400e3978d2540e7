import Foundation

/// One notification waiting in (or gone through) the outbox: written in the same transaction as the page
/// that causes it; the delivery worker sends it and records each attempt (`Delivery`, `DeliveryAttempt`).
public struct OutboxMessage: Hashable, Sendable, Identifiable {
    public var id: OutboxMessageID
    public var incidentID: IncidentID
    /// The `paged` timeline event this message belongs to.
    public var eventID: TimelineEventID
    public var level: Int
    public var cycle: Int
    public var recipient: PageRecipient
    /// What the sender posts (the generic JSON page; Slack senders build `text` from it).
    public var payload: [String: JSONValue]
    /// `pending` (due at its next attempt), `sending` (in flight), `sent` or `dead` (given up after a day).
    public var status: String
    public var attempts: Int
    public var createdAt: Date

    public init(
        id: OutboxMessageID, incidentID: IncidentID, eventID: TimelineEventID, level: Int, cycle: Int,
        recipient: PageRecipient, payload: [String: JSONValue], status: String = "pending", attempts: Int = 0,
        createdAt: Date
    ) {
        self.id = id
        self.incidentID = incidentID
        self.eventID = eventID
        self.level = level
        self.cycle = cycle
        self.recipient = recipient
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
    }
}

extension OutboxMessage {
    /// An email message not yet sent: it waits for an SMTP relay when none is configured, and is then shown
    /// as `undeliverable` rather than `pending` (the notifications, the outbox listings, `/metrics`).
    public var isEmailAwaitingSending: Bool {
        recipient.channel == .email && (status == "pending" || status == "sending")
    }
}
