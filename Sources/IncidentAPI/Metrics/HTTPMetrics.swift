import HTTPCore
import SQLiteCore
import Synchronization

/// Requests answered since start, by route pattern, method and status, with their latency: fed from the
/// server's access-log hook on the loop threads (a mutex and a dictionary update per request). Labels are
/// route patterns, never paths: a path may carry an integration key.
final class HTTPMetrics: Sendable {
    struct Series: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    struct RouteKey: Hashable {
        var route: String
        var method: String
    }

    /// Latency buckets, seconds: 0.5 ms to 10 s.
    static let latencyBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10]
    /// The route label of requests no route matched (404, 405, the dashboard's files).
    static let unmatchedRoute = "unmatched"
    /// Methods counted by name; any other token a client sends counts as `other`, so clients cannot grow the
    /// number of series without bound.
    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    static let otherMethod = "other"

    private struct State {
        var requests: [Series: Int] = [:]
        var latency: [RouteKey: BucketCounts] = [:]
    }

    private let state = Mutex(State())

    func record(_ entry: AccessLogEntry) {
        record(route: entry.route, method: entry.method, status: entry.status, duration: entry.duration)
    }

    /// One answered request: `route` nil when no route matched.
    func record(route pattern: String?, method requestMethod: HTTPMethod, status: HTTPStatus, duration: Duration) {
        let route = pattern ?? Self.unmatchedRoute
        let method = Self.knownMethods.contains(requestMethod.rawValue) ? requestMethod.rawValue : Self.otherMethod
        let parts = duration.components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        state.withLock { state in
            state.requests[Series(route: route, method: method, status: status.code), default: 0] += 1
            state.latency[
                RouteKey(route: route, method: method), default: BucketCounts(upperBounds: Self.latencyBounds)
            ]
            .record(seconds)
        }
    }

    /// A copy of the counters, sorted for a stable exposition.
    func snapshot() -> (requests: [(Series, Int)], latency: [(RouteKey, BucketCounts)]) {
        state.withLock { state in
            let requests = state.requests
                .sorted { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }
                .map { ($0.key, $0.value) }
            let latency = state.latency
                .sorted { ($0.key.route, $0.key.method) < ($1.key.route, $1.key.method) }
                .map { ($0.key, $0.value) }
            return (requests, latency)
        }
    }
}
