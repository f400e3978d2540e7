/// Why the server could not start.
public enum HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// `start()` was called on a server that is running or was shut down.
    case alreadyStarted
    /// Listening, epoll or eventfd setup failed.
    case socket(SocketError)
    /// A configuration value is out of range.
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .alreadyStarted: "the server was already started"
        case .socket(let error): "cannot start the server: \(error)"
        case .invalidConfiguration(let reason): "invalid server configuration: \(reason)"
        }
    }
}
