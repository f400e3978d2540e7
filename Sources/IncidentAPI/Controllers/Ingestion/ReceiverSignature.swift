/// The signature a receiver demands when the service its alerts go to has signing secrets.
enum ReceiverSignature: Sendable, Equatable {
    /// Alertmanager cannot sign its webhooks; its integration key or token is the credential.
    case none
    /// `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC>` (generic JSON senders).
    case standardWebhooks
    /// Grafana alerting's HMAC: lowercase hex HMAC-SHA256 in `X-Grafana-Alerting-Signature`, over the body, or
    /// over `timestamp:body` when Grafana is configured with a timestamp header.
    case grafana
}
