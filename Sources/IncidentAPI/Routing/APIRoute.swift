import HTTPCore
import IncidentDomain

/// One operation of the JSON API: its method and path pattern, and the token scope it needs.
/// The route table is data so that a test can hold it against the OpenAPI document.
public struct APIRoute: Sendable, Hashable {
    public let method: HTTPMethod
    /// Router pattern, `:name` for parameters (`/api/v1/incidents/:id`).
    public let pattern: String
    /// nil for routes that need no token (health, the OpenAPI document).
    public let scope: TokenScope?

    /// The pattern in OpenAPI's template form (`/api/v1/incidents/{id}`).
    public var openAPIPath: String {
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
    }
}
