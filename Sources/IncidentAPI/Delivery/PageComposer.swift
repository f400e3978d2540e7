import Foundation
import HTTPCore
import IncidentDomain

/// Turns an outbox message into the request a receiver gets: the generic JSON page or a Slack-compatible
/// body, both with signed one-click links, and the Standard Webhooks headers.
struct PageComposer: Sendable {
    /// Where links point: `--public-url` (no trailing slash), known once the server listens.
    let base: PublicBaseURL
    let links: ActionLinkSigner
    /// Whether the server serves the dashboard (`--public`): then a page's incident link opens the incident there,
    /// which people click; else it is the API's URL, which needs a token.
    var servesDashboard = true

    /// The acknowledge, resolve and incident links of a message, and the incident in the API; the action links
    /// expire a day after the page, so every retry of a message carries the same links.
    func linkURLs(of message: OutboxMessage) -> (acknowledge: String, resolve: String, incident: String, api: String) {
        let publicURL = base.value
        let expires = message.createdAt.addingTimeInterval(ActionLink.lifetime)
        func url(_ action: ActionLink.Action) -> String {
            let link = ActionLink(
                incident: message.incidentID, action: action, user: message.recipient.user, expiresAt: expires)
            return "\(publicURL)/api/v1/actions/\(links.token(for: link))"
        }
        let api = "\(publicURL)/api/v1/incidents/\(message.incidentID.rawValue)"
        let incident = servesDashboard ? "\(publicURL)/#/incidents/\(message.incidentID.rawValue)" : api
        return (url(.acknowledge), url(.resolve), incident, api)
    }

    /// The body for the message's channel.
    func body(of message: OutboxMessage) -> [UInt8] {
        let urls = linkURLs(of: message)
        var writer = JSONWriter()
        switch message.recipient.channel {
        case .slack:
            writer.value(.object(slackBody(of: message, links: urls)))
        case .webhook, .email:
            var payload = message.payload
            // Queued with a relative URL; receivers get it whole, as the links.
            if case .object(var incident) = payload["incident"] {
                incident["url"] = .string(urls.api)
                payload["incident"] = .object(incident)
            }
            payload["links"] = .object([
                "acknowledge": .string(urls.acknowledge), "resolve": .string(urls.resolve),
                "incident": .string(urls.incident), "api": .string(urls.api),
            ])
            writer.value(.object(payload))
        }
        return writer.bytes
    }

    /// Slack's incoming-webhook format: `text` (the notification's fallback) and Block Kit blocks: a section
    /// with the incident, a context line with who was paged, and buttons that open the action links.
    func slackBody(
        of message: OutboxMessage, links: (acknowledge: String, resolve: String, incident: String, api: String)
    ) -> [String: JSONValue] {
        let text = message.payload["text"]?.stringValue ?? "Klaxon page for incident #\(message.incidentID.rawValue)"
        let incident = message.payload["incident"]
        let status = incident?["status"]?.stringValue ?? "triggered"
        let service = incident?["service"]?.stringValue
        var context = "Escalation level \(message.level)"
        if let policy = message.payload["escalation"]?["policy"]?.stringValue { context += " of policy \(policy)" }
        if let user = message.recipient.user { context += " · paged @\(user)" }
        if let schedule = message.recipient.schedule { context += " (on call in \(schedule))" }
        var summary = "*<\(links.incident)|\(Self.mrkdwnEscaped(text))>*\nStatus: *\(status)*"
        if let service { summary += " · service \(Self.mrkdwnEscaped(service))" }
        func button(_ label: String, _ url: String, style: String?) -> JSONValue {
            var element: [String: JSONValue] = [
                "type": "button", "text": .object(["type": "plain_text", "text": .string(label)]),
                "url": .string(url), "action_id": .string(label.lowercased()),
            ]
            if let style { element["style"] = .string(style) }
            return .object(element)
        }
        return [
            // Slack reads this too (notifications, clients without blocks): escaped like the blocks, so an alert
            // title cannot mention @channel or pass off a link.
            "text": .string(Self.mrkdwnEscaped(text)),
            "blocks": .array([
                .object(["type": "section", "text": .object(["type": "mrkdwn", "text": .string(summary)])]),
                .object([
                    "type": "context",
                    "elements": .array([.object(["type": "mrkdwn", "text": .string(Self.mrkdwnEscaped(context))])]),
                ]),
                .object([
                    "type": "actions",
                    "elements": .array([
                        button("Acknowledge", links.acknowledge, style: "primary"),
                        button("Resolve", links.resolve, style: nil),
                    ]),
                ]),
            ]),
        ]
    }

    /// Slack's three control characters in text.
    static func mrkdwnEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The request headers: JSON, and the Standard Webhooks id, timestamp and (with a secret) signature.
    static func headers(webhookID: String, timestamp: Int64, body: [UInt8], secret: String?) -> [(
        name: String, value: String
    )] {
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("User-Agent", "Klaxon-Webhook/1"),
            ("webhook-id", webhookID), ("webhook-timestamp", String(timestamp)),
        ]
        if let secret,
            let signature = WebhookSigning.signatureHeader(
                id: webhookID, timestamp: timestamp, body: body, secret: secret)
        {
            headers.append(("webhook-signature", signature))
        }
        return headers
    }
}
