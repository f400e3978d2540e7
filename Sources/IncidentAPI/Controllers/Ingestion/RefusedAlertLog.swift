import Foundation
import HTTPCore
import IncidentDomain
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

    /// Whether `status` means the sender gives up on the payload: a 4xx but 429, which senders retry.
    static func isRefusal(_ status: Int) -> Bool {
        (400..<500).contains(status) && status != 429
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

    /// A body over a receiver's limit (413), answered by the HTTP layer before the receiver ran and seen in the
    /// access log by its route.
    func recordTooLarge(route: String, now: Date) {
        guard let receiver = Self.receiver(ofRoute: route) else { return }
        note(receiver: receiver, status: 413, reason: "the body is larger than the receiver's limit", now: now)
    }

    /// The route of heartbeat pings, whose refusals are logged from the access log (authentication and the
    /// heartbeat's name are checked before the handler runs).
    static let heartbeatPingRoute = "/api/v1/heartbeats/:id/ping"

    /// A heartbeat ping refused for good (a 4xx but 429): the pinging job or Alertmanager believes it pinged,
    /// and the heartbeat will go down when its interval passes; this line says why. `path` matched the ping
    /// route, so it holds a heartbeat's name and no credential.
    func recordRefusedPing(status: Int, path: String, now: Date) {
        guard Self.isRefusal(status), let unlogged = take(key: "heartbeat \(status)", now: now) else { return }
        let reason: String =
            switch status {
            case 401: "no valid bearer token (a ping needs a token of scope ingest or admin)"
            case 403: "the token's scope cannot ping (it needs ingest or admin)"
            case 404: "no heartbeat has that name"
            case 413: "the body is larger than the limit"
            default: "the request is not a ping (the answer says why)"
            }
        var metadata: Logger.Metadata = ["receiver": "heartbeat", "status": "\(status)"]
        if unlogged > 0 { metadata["refused_unlogged"] = "\(unlogged)" }
        logger.warning(
            """
            refused a heartbeat ping to \(Self.printable(path)) (\(status)): \(reason); a refused ping does not \
            count, so the heartbeat goes down when its interval passes
            """,
            metadata: metadata)
    }

    /// A request that looked like an alert delivery to a path no receiver has (404; see `misdirected`).
    func recordMisdirected(_ delivery: (receiver: String, path: String), now: Date) {
        note(
            receiver: delivery.receiver, status: 404,
            reason: "no receiver has the path \(delivery.path) (a mistyped URL in the sender's configuration?)",
            now: now)
    }

    private func note(receiver: String, status: Int, reason: String, now: Date) {
        guard let unlogged = take(key: "\(receiver) \(status)", now: now) else { return }
        write(receiver: receiver, status: status, unlogged: unlogged, reason: reason, from: "")
    }

    /// For a POST or PUT no route matched under the receivers' paths (probably a sender with a mistyped URL):
    /// the receiver it was probably meant for (`unknown` when it resembles none, so that random paths share one
    /// line a minute) and its path as the log may show it: up to the receiver's name when that resembles a
    /// receiver, else cut before it, since a key sent without the receiver's name would sit there.
    static func misdirected(method: HTTPMethod, path: String) -> (receiver: String, path: String)? {
        guard method == .post || method == .put else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let prefix: String
        let receivers: [String: String]
        if path.hasPrefix("/api/v1/integrations/") {
            prefix = "/api/v1/integrations"
            receivers = Dictionary(uniqueKeysWithValues: UnknownRoute.receivers.map { ($0, $0) })
        } else if path.hasPrefix("/v2/") {
            prefix = "/v2"
            receivers = UnknownRoute.v2Receivers
        } else {
            return nil
        }
        let depth = prefix.split(separator: "/").count
        guard segments.count > depth,
            let meant = MemberNameSimilarity.intended(segments[depth], among: receivers.keys.sorted())
        else { return ("unknown", prefix + "/…") }
        let more = segments.count > depth + 1 ? "/…" : ""
        return (receivers[meant] ?? "unknown", prefix + "/" + printable(segments[depth]) + more)
    }

    /// The receiver a route pattern belongs to, or nil for routes that are not receivers.
    static func receiver(ofRoute route: String) -> String? {
        if route == "/v2/enqueue" { return "pagerduty" }
        if route.hasPrefix("/v2/alerts") { return "opsgenie" }
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
            case _
            where [.control, .format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory):
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
