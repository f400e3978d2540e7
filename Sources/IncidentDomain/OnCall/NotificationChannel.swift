/// The kinds of outbound message the outbox holds; the delivery worker sends each its way (email waits for a
/// mail sender).
public enum NotificationChannel: String, CaseIterable, Hashable, Sendable, Codable {
    /// A generic JSON POST to a URL.
    case webhook
    /// A Slack-compatible incoming webhook (`text` plus Block Kit `blocks`).
    case slack
    /// An email, for a later sender.
    case email
}
