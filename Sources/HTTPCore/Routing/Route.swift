/// One registered route: a method, a path pattern with `:name` parameter segments, and its handler.
public struct Route: Sendable {
    public var method: HTTPMethod
    /// The pattern as registered, e.g. `/api/v1/incidents/:id/acknowledge` (also used in logs).
    public var pattern: String
    public var handler: RouteHandler
    /// The largest request body this route accepts (413 beyond it); nil uses the server's default.
    public var maxBodySize: Int?
}
