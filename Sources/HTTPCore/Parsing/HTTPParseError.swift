/// A syntax or framing error in a request. After one, the parser is finished: every later call throws the same
/// error again. The server answers `status` once, with `reason` as the body if it likes, and closes the connection.
public struct HTTPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 400, 413, 414, 417, 431, 501 or 505.
    public var status: HTTPStatus
    /// A short, human-readable reason, safe to show to the client (it never echoes request bytes).
    public var reason: String

    public init(status: HTTPStatus, reason: String) {
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(status): \(reason)" }

    static func badRequest(_ reason: String) -> HTTPParseError {
        HTTPParseError(status: .badRequest, reason: reason)
    }
}
