import Foundation

/// The shareable part of a URL that works as a password (a Slack incoming webhook, a webhook with a secret
/// path or query): its `scheme://host[:port]`, which says where pages go without letting anyone post there.
public enum URLOrigin {
    /// `scheme://host[:port]` of `url`, or `(hidden)` when it has no scheme and host.
    public static func of(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            let host = components.host, !host.isEmpty
        else { return "(hidden)" }
        return components.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }
}
