/// Maps a method and path to a route. Patterns are `/`-separated literal segments and `:name`
/// parameters matching one segment; a literal segment wins over a parameter at the same place.
/// Built before the server starts, then shared read-only by every event loop.
public struct Router: Sendable {
    private struct Node: Sendable {
        var literals: [String: Int] = [:]
        var parameter: (name: String, node: Int)?
        var routes: [HTTPMethod: Route] = [:]
    }

    private var nodes: [Node] = [Node()]

    /// Answers requests whose path matches no route (any method), e.g. static files. Nil: 404.
    public var fallback: RouteHandler?

    /// Asked first for a request whose path matches no route, with its head alone: an answer here is sent
    /// without reading the body (so a large body to a mistyped URL gets this answer, not a 413), nil leaves the
    /// request to `fallback`. Runs on an event loop thread: it must be quick and must not block.
    public var unmatchedAnswer: (@Sendable (HTTPRequestHead) -> HTTPResponse?)?

    public init() {}

    /// Registers `handler` for `method` on `pattern`, replacing an earlier registration of the same pair.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, maxBodySize: Int? = nil, _ handler: RouteHandler)
    {
        var current = 0
        for segment in Self.segments(of: pattern[...]) {
            if segment.first == ":" {
                let name = String(segment.dropFirst())
                if let existing = nodes[current].parameter {
                    precondition(existing.name == name, "conflicting parameter names :\(existing.name) and :\(name)")
                    current = existing.node
                } else {
                    nodes.append(Node())
                    nodes[current].parameter = (name, nodes.count - 1)
                    current = nodes.count - 1
                }
            } else if let next = nodes[current].literals[String(segment)] {
                current = next
            } else {
                nodes.append(Node())
                nodes[current].literals[String(segment)] = nodes.count - 1
                current = nodes.count - 1
            }
        }
        nodes[current].routes[method] = Route(
            method: method, pattern: pattern, handler: handler, maxBodySize: maxBodySize)
    }

    public mutating func get(_ pattern: String, maxBodySize: Int? = nil, _ handler: @escaping HTTPHandler) {
        add(.get, pattern, maxBodySize: maxBodySize, .async(handler))
    }

    public mutating func post(_ pattern: String, maxBodySize: Int? = nil, _ handler: @escaping HTTPHandler) {
        add(.post, pattern, maxBodySize: maxBodySize, .async(handler))
    }

    public mutating func put(_ pattern: String, maxBodySize: Int? = nil, _ handler: @escaping HTTPHandler) {
        add(.put, pattern, maxBodySize: maxBodySize, .async(handler))
    }

    public mutating func patch(_ pattern: String, maxBodySize: Int? = nil, _ handler: @escaping HTTPHandler) {
        add(.patch, pattern, maxBodySize: maxBodySize, .async(handler))
    }

    public mutating func delete(_ pattern: String, maxBodySize: Int? = nil, _ handler: @escaping HTTPHandler) {
        add(.delete, pattern, maxBodySize: maxBodySize, .async(handler))
    }

    /// Finds the route for `method` and a raw (percent-encoded) `path`. HEAD falls back to the GET route.
    public func resolve(method: HTTPMethod, path: Substring) -> RouterResult {
        guard path.utf8.first == UInt8(ascii: "/") else { return .notFound }
        let segments = Self.segments(of: path)
        var parameters = HTTPPathParameters()
        guard let node = match(segments, 0, node: 0, parameters: &parameters) else { return .notFound }
        let routes = nodes[node].routes
        if let route = routes[method] ?? (method == .head ? routes[.get] : nil) {
            return .matched(route, parameters)
        }
        var allowed = Array(routes.keys)
        if routes[.get] != nil && routes[.head] == nil { allowed.append(.head) }
        return .methodNotAllowed(allowed: allowed.sorted { $0.rawValue < $1.rawValue })
    }

    /// Depth-first match: the literal child first, then the parameter child. Returns the node whose
    /// path matches and has at least one route.
    private func match(
        _ segments: [Substring],
        _ position: Int,
        node: Int,
        parameters: inout HTTPPathParameters
    ) -> Int? {
        if position == segments.count {
            return nodes[node].routes.isEmpty ? nil : node
        }
        let raw = segments[position]
        guard let decoded = PercentDecoding.strict(raw) else { return nil }
        if let next = nodes[node].literals[decoded],
            let found = match(segments, position + 1, node: next, parameters: &parameters)
        {
            return found
        }
        if let parameter = nodes[node].parameter, !decoded.isEmpty {
            parameters.append(name: parameter.name, value: decoded)
            if let found = match(segments, position + 1, node: parameter.node, parameters: &parameters) {
                return found
            }
            parameters.removeLast()
        }
        return nil
    }

    /// `/a/b` → `a`, `b`; `/` → nothing; `/a/` → `a`, `` (a trailing slash is a distinct, empty segment).
    private static func segments(of path: Substring) -> [Substring] {
        let body = path.utf8.first == UInt8(ascii: "/") ? path.dropFirst() : path
        return body.isEmpty ? [] : body.split(separator: "/", omittingEmptySubsequences: false)
    }
}
