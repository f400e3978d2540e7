import Foundation
import HTTPCore
import Logging
import Synchronization

/// A warning in Klaxon's own log for every receiver payload refused with a 4xx that its sender will not retry
/// (a malformed or invalid payload, a wrong key or token, a bad signature), so whoever runs Klaxon learns that
/// alerts are being lost without reading every sender's log. Alertmanager, Grafana and PagerDuty clients drop
/// a 4xx other than 429 for good.
///
/// One line per receiver at most every `interval`; the next line counts the refusals it did not write, so a
/// misconfigured sender firing every few seconds costs one line a minute, not a flood.
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

    /// Logs `response` when it refuses the payload and the receiver's last line is older than the interval.
    func record(_ response: HTTPResponse, receiver: String, now: Date) {
        let status = response.status.code
        guard Self.isRefusal(status) else { return }
        let unlogged: Int? = receivers.withLock { receivers in
            if var known = receivers[receiver] {
                guard now.timeIntervalSince(known.loggedAt) >= interval else {
                    known.unlogged += 1
                    receivers[receiver] = known
                    return nil
                }
                receivers[receiver] = Receiver(loggedAt: now)
                return known.unlogged
            }
            receivers[receiver] = Receiver(loggedAt: now)
            return 0
        }
        guard let unlogged else { return }
        var metadata: Logger.Metadata = ["receiver": "\(receiver)", "status": "\(status)"]
        if unlogged > 0 { metadata["refused_unlogged"] = "\(unlogged)" }
        let reason = Self.reason(in: response)
        logger.warning(
            """
            refused an alert payload from the \(receiver) receiver (\(status)): \(reason); its sender does not \
            retry a 4xx, so those alerts are not recorded
            """,
            metadata: metadata)
    }

    /// What the answer told the sender: problem+json's `detail`, PagerDuty's `errors`, or Opsgenie's `message`.
    static func reason(in response: HTTPResponse) -> String {
        guard case .bytes(let bytes) = response.body,
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        else { return "no readable reason" }
        let text: String
        if let detail = object["detail"] as? String {
            text = detail
        } else if let errors = object["errors"] as? [String], !errors.isEmpty {
            text = errors.joined(separator: "; ")
        } else if let message = object["message"] as? String {
            text = message
        } else {
            text = "no readable reason"
        }
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
