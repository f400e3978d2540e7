import Foundation

/// An outbox message claimed by the delivery worker, with what it needs to send it: the stable
/// `webhook-id` and the recipient's signing secret, if any.
public struct DeliveryJob: Hashable, Sendable {
    public var message: OutboxMessage
    /// `msg_...`: the same on every try of this message, so a receiver can drop a repeat.
    public var webhookID: String
    /// The Standard Webhooks secret (`whsec_...`) of the user or policy the page goes to; nil: unsigned.
    public var signingSecret: String?

    public init(message: OutboxMessage, webhookID: String, signingSecret: String?) {
        self.message = message
        self.webhookID = webhookID
        self.signingSecret = signingSecret
    }
}

/// An outbox message as `GET /api/v1/incidents/{id}/notifications` shows it: its delivery state and every
/// attempt.
public struct Delivery: Hashable, Sendable {
    public var message: OutboxMessage
    public var webhookID: String
    public var nextAttemptAt: Date?
    public var sentAt: Date?
    public var lastError: String?
    public var attempts: [DeliveryAttempt]

    public init(
        message: OutboxMessage, webhookID: String, nextAttemptAt: Date?, sentAt: Date?, lastError: String?,
        attempts: [DeliveryAttempt]
    ) {
        self.message = message
        self.webhookID = webhookID
        self.nextAttemptAt = nextAttemptAt
        self.sentAt = sentAt
        self.lastError = lastError
        self.attempts = attempts
    }
}

/// What the worker decided after an attempt.
public enum DeliveryOutcome: Hashable, Sendable {
    /// A 2xx came back.
    case sent
    /// Failed; try again at this time.
    case retry(at: Date)
    /// Failed for a day: give up, record it on the timeline and escalate.
    case dead
}
