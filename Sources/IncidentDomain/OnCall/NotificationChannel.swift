/// The kinds of outbound message the outbox holds; the delivery worker (a later issue) sends each its way.
public enum NotificationChannel: String, CaseIterable, Hashable, Sendable, Codable {
    /// A generic JSON POST to a URL.
    case webhook
    /// A Slack-compatible incoming webhook (`{"text": ...}`).
    case slack
    /// An email, for a later sender.
    case email
}
