import IncidentDomain

extension JSONWriter {
    /// A URL that may carry a secret (a user's webhook or Slack incoming-webhook URL, a policy's raw webhook,
    /// an outbox address): whole when `revealsSecretURLs`, else only its origin (`https://hooks.slack.com`),
    /// which says where pages go without letting a `read` token post there. Nil stays null.
    mutating func contactURL(_ url: String?) {
        guard let url else { return null() }
        string(revealsSecretURLs ? url : URLOrigin.of(url))
    }
}
