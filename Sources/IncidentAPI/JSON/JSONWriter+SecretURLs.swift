import Foundation

extension JSONWriter {
    /// A URL that may carry a secret (a user's webhook or Slack incoming-webhook URL, a policy's raw webhook,
    /// an outbox address): whole when `revealsSecretURLs`, else only its origin (`https://hooks.slack.com`),
    /// which says where pages go without letting a `read` token post there. Nil stays null.
    mutating func contactURL(_ url: String?) {
        guard let url else { return null() }
        string(revealsSecretURLs ? url : Self.origin(of: url))
    }

    /// `scheme://host[:port]` of a URL, or `(hidden)` when it has none.
    static func origin(of url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            let host = components.host, !host.isEmpty
        else { return "(hidden)" }
        return components.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }
}
