extension TimelineEventKind {
    /// An escalation level was paged; `data` holds `level`, `cycle`, `policy` and the `recipients`.
    public static let paged = TimelineEventKind(rawValue: "paged")
    /// Every level of the policy was paged `repeat + 1` times; nothing more will be paged.
    public static let escalationExhausted = TimelineEventKind(rawValue: "escalation_exhausted")
}
