/// What an API token may do. `read` < `write` < `admin` form a ladder; `ingest` stands apart and
/// reaches only the alert receivers, which `admin` may also use.
public enum TokenScope: String, CaseIterable, Codable, Hashable, Sendable, CustomStringConvertible {
    /// Read incidents, timelines, services, stats.
    case read
    /// Also change incidents, notes, action items, postmortem text.
    case write
    /// Also manage services, policies, users, schedules, maintenance and tokens; may also ingest.
    case admin
    /// Only post alerts to the ingestion endpoints.
    case ingest

    /// True when a token of this scope may call an operation that requires `required`.
    public func permits(_ required: TokenScope) -> Bool {
        switch (self, required) {
        case (.admin, _): true
        case (.write, .read), (.write, .write): true
        case (.read, .read): true
        case (.ingest, .ingest): true
        default: false
        }
    }

    /// Parses `read`, `write`, `admin`, `ingest` exactly; anything else is nil.
    public init?(parsing text: some StringProtocol) {
        self.init(rawValue: String(text))
    }

    public var description: String { rawValue }
}
