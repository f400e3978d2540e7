extension PagerDutyEvent {
    /// An entry of `images`: `src` required, `href` (makes it a link) and `alt` optional.
    public struct Image: Hashable, Sendable, Decodable {
        public var src: String?
        public var href: String?
        public var alt: String?

        public init(src: String?, href: String? = nil, alt: String? = nil) {
            self.src = src
            self.href = href
            self.alt = alt
        }
    }
}
