/// How Klaxon reaches a person. No SMS: Klaxon runs offline. Every method is optional, but a user with
/// none cannot be paged, and an escalation level that reaches only such users is refused.
public struct ContactMethods: Hashable, Sendable, Codable {
    /// An outbound webhook that receives a generic JSON page.
    public var webhookURL: String?
    /// A Slack-compatible incoming-webhook URL (Slack, Mattermost, Rocket.Chat).
    public var slackWebhookURL: String?
    /// An email address, kept for a later sender; pages to it are queued in the outbox like the others.
    public var email: String?

    public init(webhookURL: String? = nil, slackWebhookURL: String? = nil, email: String? = nil) {
        self.webhookURL = webhookURL
        self.slackWebhookURL = slackWebhookURL
        self.email = email
    }

    /// True when no method is set: nobody can be paged through these.
    public var isEmpty: Bool { webhookURL == nil && slackWebhookURL == nil && email == nil }

    /// Every set method as `(channel, address)`, in a fixed order (webhook, slack, email).
    public var addresses: [(channel: NotificationChannel, address: String)] {
        var result: [(NotificationChannel, String)] = []
        if let webhookURL { result.append((.webhook, webhookURL)) }
        if let slackWebhookURL { result.append((.slack, slackWebhookURL)) }
        if let email { result.append((.email, email)) }
        return result
    }
}
