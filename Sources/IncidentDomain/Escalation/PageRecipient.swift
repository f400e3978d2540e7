/// One address a page goes to: an outbox row.
public struct PageRecipient: Hashable, Sendable {
    public var channel: NotificationChannel
    public var address: String
    /// The user paged, or nil for a raw webhook target.
    public var user: String?
    /// The schedule through which the user was found, if any.
    public var schedule: String?

    public init(channel: NotificationChannel, address: String, user: String? = nil, schedule: String? = nil) {
        self.channel = channel
        self.address = address
        self.user = user
        self.schedule = schedule
    }
}

extension PageRecipient {
    /// The address as anyone may see it: an email as it is, a webhook or Slack URL as its origin.
    public var shareableAddress: String {
        channel == .email ? address : URLOrigin.of(address)
    }
}
