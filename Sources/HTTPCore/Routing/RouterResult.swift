/// What the router decided for a method and path.
public enum RouterResult: Sendable {
    case matched(Route, HTTPPathParameters)
    /// The path exists, but not for this method: answer 405 with these methods in `Allow`.
    case methodNotAllowed(allowed: [HTTPMethod])
    /// No route has this path; the fallback handler, if any, answers.
    case notFound
}
