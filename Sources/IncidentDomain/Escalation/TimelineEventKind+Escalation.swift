extension TimelineEventKind {
    /// An escalation level was paged; `data` holds `level`, `cycle`, `policy` and the `recipients`.
    public static let paged = TimelineEventKind(rawValue: "paged")
    /// Pages of a `paged` event withdrawn before they were sent (the incident was acknowledged or ended first);
    /// `data` holds `level`, `cycle`, the `recipients` and the `incident_status` that made them moot.
    public static let pageCancelled = TimelineEventKind(rawValue: "page_cancelled")
    /// Every level of the policy was paged `repeat + 1` times; nothing more will be paged.
    public static let escalationExhausted = TimelineEventKind(rawValue: "escalation_exhausted")
}
