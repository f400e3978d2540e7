import Foundation
import HTTPCore
import Logging
import Synchronization

/// A warning in Klaxon's own log for every receiver payload refused with a 4xx that its sender will not retry
/// (a malformed or invalid payload, a wrong key or token, a bad signature), so whoever runs Klaxon learns that
/// alerts are being lost without reading every sender's log. Alertmanager, Grafana and PagerDuty clients drop
/// a 4xx other than 429 for good.
///
/// One line per receiver and status at most every `interval` (so a wrong key's 404 is not hidden behind a bad
/// template's 400); the next line counts the refusals it did not write, so a misconfigured sender firing every
/// few seconds costs one line a minute, not a flood.
final class RefusedAlertLog: Sendable {
    private struct Receiver {
        var loggedAt: Date
        var unlogged = 0
    }

    private let logger: Logger
    private let interval: TimeInterval
    private let receivers = Mutex<[String: Receiver]>([:])

    init(logger: Logger, interval: TimeInterval = 60) {
        self.logger = logger
        self.interval = interval
    }

    /// Whether `status` means the sender gives up on the payload: a 4xx but 429 (which senders retry) and 409
    /// (a signed request whose `webhook-id` was already taken: its alerts are recorded).
    static func isRefusal(_ status: Int) -> Bool {
        (400..<500).contains(status) && status != 429 && status != 409
    }

    /// Logs `response` when it refuses the payload and the receiver's last line is older than the interval;
    /// `sender` names who sent it (a service, an unknown key), asked only when a line is written.
    func record(_ response: HTTPResponse, receiver: String, now: Date, sender: () async -> String?) async {
        guard Self.isRefusal(response.status.code) else { return }
        guard let unlogged = take(key: "\(receiver) \(response.status.code)", now: now) else { return }
        let from = await sender().map { " for \(Self.printable($0))" } ?? ""
        write(
            receiver: receiver, status: response.status.code, unlogged: unlogged,
            reason: Self.printable(Self.reason(in: response)), from: from)
    }

    /// Notes what an accepted payload carried that Klaxon did not read (`warnings` of the answer), at most
    /// once per receiver and interval, so whoever runs Klaxon can fix the sender.
    func recordWarnings(_ warnings: [String], receiver: String, now: Date) {
        guard let first = warnings.first, let unlogged = take(key: "\(receiver) warnings", now: now) else { return }
        var metadata: Logger.Metadata = ["receiver": "\(receiver)"]
        if unlogged > 0 { metadata["warned_unlogged"] = "\(unlogged)" }
        let more = warnings.count > 1 ? " (and \(warnings.count - 1) more)" : ""
        logger.notice(
            "accepted an alert payload from the \(receiver) receiver with warnings: \(Self.printable(first))\(more)",
            metadata: metadata)
    }

    /// A refusal the HTTP layer answered before any receiver ran, seen in the access log: a body over a
    /// receiver's limit (413, by its `route`), or a request that looked like an alert delivery to a path no
    /// receiver has (`route` nil, `path` cut after its third segment: the mistyped integration URL of a sender).
    func recordAnswered(route: String?, path: String, status: Int, now: Date) {
        guard Self.isRefusal(status), let receiver = Self.receiver(ofRoute: route ?? path),
            let unlogged = take(key: "\(receiver) \(status)", now: now)
        else { return }
        let reason: String
        if route == nil {
            reason = "no receiver has the path \(Self.printable(path)) (a mistyped URL in the sender's configuration?)"
        } else if status == 413 {
            reason = "the body is larger than the receiver's limit"
        } else {
            reason = "refused before the receiver read it"
        }
        write(receiver: receiver, status: status, unlogged: unlogged, reason: reason, from: "")
    }

    /// For a request no route matched that was probably a sender delivering alerts (a POST or PUT under the
    /// receivers' paths): its path cut after the receiver's name (`/api/v1/integrations/alertmanger/…`,
    /// `/v2/enqeue/…`), since what follows may be an integration key. Nil for other requests.
    static func deliveryPath(method: HTTPMethod, path: String) -> String? {
        guard method == .post || method == .put else { return nil }
        let kept: Int
        if path.hasPrefix("/api/v1/integrations/") {
            kept = 4
        } else if path.hasPrefix("/v2/") {
            kept = 2
        } else {
            return nil
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.count <= kept { return path }
        return "/" + segments.prefix(kept).joined(separator: "/") + "/…"
    }

    /// The receiver a route pattern belongs to, or nil for routes that are not receivers.
    static func receiver(ofRoute route: String) -> String? {
        if route.hasPrefix("/v2/alerts") { return "opsgenie" }
        if route.hasPrefix("/v2/") { return "pagerduty" }  // /v2/enqueue, or a mistyped path next to it
        let prefix = "/api/v1/integrations/"
        guard route.hasPrefix(prefix) else { return nil }
        return route.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
    }

    /// Whether a line for `key` is due (the number of lines left unwritten since the last one), or nil.
    private func take(key: String, now: Date) -> Int? {
        receivers.withLock { receivers in
            if var known = receivers[key] {
                guard now.timeIntervalSince(known.loggedAt) >= interval else {
                    known.unlogged += 1
                    receivers[key] = known
                    return nil
                }
                receivers[key] = Receiver(loggedAt: now)
                return known.unlogged
            }
            receivers[key] = Receiver(loggedAt: now)
            return 0
        }
    }

    private func write(receiver: String, status: Int, unlogged: Int, reason: String, from: String) {
        var metadata: Logger.Metadata = ["receiver": "\(receiver)", "status": "\(status)"]
        if unlogged > 0 { metadata["refused_unlogged"] = "\(unlogged)" }
        logger.warning(
            """
            refused an alert payload from the \(receiver) receiver\(from) (\(status)): \(reason); its sender does \
            not retry a 4xx, so those alerts are not recorded
            """,
            metadata: metadata)
    }

    /// What the answer told the sender: problem+json's `detail`, PagerDuty's `errors`, or Opsgenie's `message`.
    static func reason(in response: HTTPResponse) -> String {
        guard case .bytes(let bytes) = response.body,
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        else { return "no readable reason" }
        var text: String
        if let detail = object["detail"] as? String {
            text = detail
        } else if let errors = object["errors"] as? [String], !errors.isEmpty {
            text = errors.joined(separator: "; ")
        } else if let errors = object["errors"] as? [String: Any], !errors.isEmpty {
            // Opsgenie's shape: a message, and the errors by field.
            text = errors.keys.sorted().map { "\($0): \(errors[$0].map { "\($0)" } ?? "")" }.joined(separator: "; ")
        } else if let message = object["message"] as? String {
            text = message
        } else {
            text = "no readable reason"
        }
        while text.hasSuffix(".") { text.removeLast() }
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }

    /// `text` with control characters (newlines, escapes) written as escapes, so what a sender put in a payload
    /// cannot forge or break lines of the log.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}":
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
