extension ResourceKind {
    public static let user = ResourceKind(rawValue: "user")
    public static let schedule = ResourceKind(rawValue: "schedule")
    public static let escalationPolicy = ResourceKind(rawValue: "escalation_policy")
    public static let heartbeat = ResourceKind(rawValue: "heartbeat")
}
