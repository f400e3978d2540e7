import Foundation

/// A contact URL taken apart for sending: only `http` and `https`, a host, a port, and the path and query.
struct DeliveryTarget: Equatable {
    var scheme: String
    var host: String
    var port: Int
    /// `/path?query`, as written in the URL.
    var requestTarget: String

    /// The parts of `url`, or why it cannot be sent to.
    static func parse(_ url: String) -> Result<DeliveryTarget, DeliveryFailure> {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            return .failure(DeliveryFailure("not a URL"))
        }
        guard scheme == "http" || scheme == "https" else {
            return .failure(DeliveryFailure("only http and https destinations are sent to, not \(scheme)"))
        }
        guard let host = components.percentEncodedHost, !host.isEmpty else {
            return .failure(DeliveryFailure("the URL has no host"))
        }
        guard components.user == nil, components.password == nil else {
            return .failure(DeliveryFailure("credentials in the URL are not sent"))
        }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { return .failure(DeliveryFailure("port \(port) is out of range")) }
        var target = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { target += "?" + query }
        return .success(DeliveryTarget(scheme: scheme, host: host, port: port, requestTarget: target))
    }
}

/// Why an attempt failed, as the attempt records it.
struct DeliveryFailure: Error, Equatable, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
