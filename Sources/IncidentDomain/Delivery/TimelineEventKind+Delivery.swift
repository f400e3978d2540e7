extension TimelineEventKind {
    /// A page could not be delivered for a day and was given up; `data` holds the outbox id, the channel,
    /// the recipient's origin and the last error. The policy moves to its next level at once.
    public static let notificationDead = TimelineEventKind(rawValue: "notification_dead")
}
