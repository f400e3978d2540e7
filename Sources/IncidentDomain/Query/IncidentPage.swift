/// One page of the incident list, newest first, and the cursor of the next page (nil on the last).
public struct IncidentPage: Hashable, Sendable {
    public var items: [Incident]
    public var nextCursor: IncidentCursor?

    public init(items: [Incident], nextCursor: IncidentCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// Builds a page from what the store fetched with `LIMIT limit + 1`: one row more than the page
    /// means there is a next page, which continues after the last item shown.
    public init(fetched: [Incident], limit: Int) {
        if fetched.count > limit {
            let items = Array(fetched.prefix(limit))
            self.init(items: items, nextCursor: items.last.map(IncidentCursor.init(after:)))
        } else {
            self.init(items: fetched, nextCursor: nil)
        }
    }
}
