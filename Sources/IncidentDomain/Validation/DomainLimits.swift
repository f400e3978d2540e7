/// The size limits of user input, in one place so the API, the OpenAPI document and the README quote
/// the same numbers. Lengths count Unicode scalars (not grapheme clusters, which are unbounded in
/// bytes; a scalar is at most 4 bytes of UTF-8), after trimming where the field says so.
public enum DomainLimits {
    /// Incident titles: 1...200, trimmed; a title is a one-line headline for lists and pages.
    public static let titleLength = 1...200
    /// Incident summaries: up to 10,000, enough for a pasted stack trace, small enough for a page row.
    public static let summaryMaxLength = 10_000
    /// Timeline notes: 1...10,000, trimmed.
    public static let noteLength = 1...10_000
    /// Labels per incident or service: at most 64 (Alertmanager groups rarely carry more than 20).
    public static let labelCount = 64
    /// Label keys: 1...100, without `:` (it separates key and value in `label=key:value` filters) and
    /// without control characters; senders' label syntaxes differ, so nothing stricter.
    public static let labelKeyLength = 1...100
    /// Label values: up to 500 (URLs in labels happen; bodies do not belong there).
    public static let labelValueMaxLength = 500
    /// Deduplication keys: 1...255 (Alertmanager group keys can be long; PagerDuty allows 255).
    public static let dedupKeyLength = 1...255
    /// Commanders: 1...200, trimmed, one line.
    public static let commanderLength = 1...200
    /// Service and token names: 1...64 of `a-z 0-9 - _`, starting with a letter.
    public static let nameLength = 1...64
    /// Service descriptions: up to 2,000.
    public static let descriptionMaxLength = 2_000
    /// Free-text search `q`: 1...200.
    public static let queryTextLength = 1...200
    /// List page size: 1...500, 50 when not given.
    public static let listLimit = 1...500
    /// The page size when the client gives none.
    public static let defaultListLimit = 50
    /// Postmortem sections: 1...20,000 after trimming, room for a long root-cause analysis.
    public static let postmortemSectionMaxLength = 20_000
    /// Action item titles: 1...200, trimmed, one line.
    public static let actionItemTitleLength = 1...200
    /// Action item owners: 1...200, trimmed, one line (a user handle or a team's name).
    public static let actionItemOwnerLength = 1...200
    /// Action item links: up to 2,000 (tracker URLs with queries).
    public static let actionItemLinkMaxLength = 2_000
}
