extension PagerDutyEvent {
    /// An entry of `links`: `href` required, `text` optional.
    public struct Link: Hashable, Sendable, Decodable {
        public var href: String?
        public var text: String?

        public init(href: String?, text: String? = nil) {
            self.href = href
            self.text = text
        }
    }
}
