/// A link a sender attached to an alert (Alertmanager `generatorURL`, Grafana dashboard and panel URLs,
/// PagerDuty `links`, `images` and `client_url`), kept for the timeline and the dashboard.
public struct AlertLink: Hashable, Sendable, Codable {
    /// The URL as the sender gave it (not checked: senders' URLs are shown, never fetched).
    public var href: String
    /// What the link is, for people (`Source`, `Dashboard`, the sender's own text).
    public var text: String

    public init(href: String, text: String) {
        self.href = href
        self.text = text
    }

    /// The link as a JSON object for timeline data.
    var json: JSONValue { ["href": .string(href), "text": .string(text)] }
}
