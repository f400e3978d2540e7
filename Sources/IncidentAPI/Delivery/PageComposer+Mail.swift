import Foundation
import IncidentDomain

/// The email page: an RFC 5322 message, plain text in UTF-8, quoted-printable, CRLF line ends. It says what the
/// webhook and Slack pages say; everything in it derives from the outbox row, so every retry sends the same
/// message (the same Message-ID, Date and links).
extension PageComposer {
    /// The message for `job`, from `relay.from`. The action links go in only when `linksReachable` (a
    /// `--public-url` is set): the default base, the listening address, is rarely what a reader's phone reaches.
    func mail(of job: DeliveryJob, relay: MailRelay, linksReachable: Bool) -> [UInt8] {
        let message = job.message
        let incident = message.payload["incident"]
        let number = message.incidentID.rawValue
        let title = incident?["title"]?.stringValue ?? "Incident #\(number)"
        let severity = incident?["severity"]?.stringValue ?? "sev?"
        let headers: [(String, String)] = [
            ("From", "Klaxon <\(relay.from)>"),
            ("To", "<\(message.recipient.address)>"),
            ("Subject", Self.encodedHeaderText("[\(severity)] #\(number) \(title)", name: "Subject")),
            ("Date", Self.mailDate(message.createdAt)),
            ("Message-ID", "<\(job.webhookID)@\(relay.senderDomain)>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            // RFC 3834: an automatic message; well-behaved auto-responders do not answer it.
            ("Auto-Submitted", "auto-generated"),
        ]
        var text = ""
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        text += Self.quotedPrintable(mailText(of: message, title: title, severity: severity, linksReachable: linksReachable))
        return Array(text.utf8)
    }

    /// The readable body, lines separated by `\n` (the encoding makes them CRLF).
    func mailText(of message: OutboxMessage, title: String, severity: String, linksReachable: Bool) -> String {
        let incident = message.payload["incident"]
        let number = message.incidentID.rawValue
        var lines = ["[\(severity)] #\(number) \(title)", ""]
        var facts = "Status: \(incident?["status"]?.stringValue ?? "triggered") · Severity: \(severity)"
        if let service = incident?["service"]?.stringValue { facts += " · Service: \(service)" }
        lines.append(facts)
        var paged = "Paged"
        if let user = message.recipient.user { paged += " @\(user)" }
        if let schedule = message.recipient.schedule { paged += " (on call in \(schedule))" }
        paged += " at escalation level \(message.level)"
        if let policy = message.payload["escalation"]?["policy"]?.stringValue { paged += " of policy \(policy)" }
        if message.cycle > 0 { paged += ", repeat \(message.cycle)" }
        lines.append(paged + ".")
        lines.append("")
        if linksReachable {
            let urls = linkURLs(of: message)
            let expires = message.createdAt.addingTimeInterval(ActionLink.lifetime)
            lines += [
                "Acknowledge: \(urls.acknowledge)",
                "Resolve:     \(urls.resolve)",
                "Incident:    \(urls.incident)",
                "",
                "The links act as \(message.recipient.user.map { "@\($0)" } ?? "this page") until \(Self.mailDate(expires)).",
                "Opening one shows the incident and a button; nothing changes until you press it.",
            ]
        } else {
            lines.append("Incident: /api/v1/incidents/\(number) on your Klaxon server.")
        }
        lines += ["", "-- ", "Klaxon"]
        return lines.joined(separator: "\n")
    }

    /// RFC 5322 date-time in UTC, e.g. `Fri, 27 Nov 2026 08:30:00 +0000`.
    static func mailDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(weekdays[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) "
            + "\(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }

    /// A header value as it is when it is printable ASCII that fits a 78-character line, else RFC 2047
    /// encoded-words (`=?utf-8?B?...?=`, at most 75 characters each, whole characters only) folded onto lines.
    static func encodedHeaderText(_ text: String, name: String) -> String {
        let plain = text.utf8.allSatisfy { (0x20...0x7e).contains($0) } && !text.contains("=?")
        if plain && name.count + 2 + text.utf8.count <= 78 { return text }
        var words: [[UInt8]] = []
        var chunk: [UInt8] = []
        // 39 bytes are 52 base64 characters: with `=?utf-8?B?`, `?=` and `Subject: ` a line stays within 78.
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 39 {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Data($0).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// RFC 2045 quoted-printable of `text` (lines separated by `\n`), with CRLF line ends and lines of at most
    /// 76 characters. A line never starts with `.` (written `=2E`), so no line is an SMTP end of data whatever
    /// the relay's client does about dots.
    static func quotedPrintable(_ text: String) -> String {
        var output = ""
        let hex = Array("0123456789ABCDEF")
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { output += "\r\n" }
            let bytes = Array(line.utf8)
            var current = ""
            for (position, byte) in bytes.enumerated() {
                let isLast = position == bytes.count - 1
                var token: String
                switch byte {
                case 0x21...0x3c, 0x3e...0x7e: token = String(UnicodeScalar(byte))
                case 0x20 where !isLast, 0x09 where !isLast: token = String(UnicodeScalar(byte))
                default: token = "=\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xf)])"
                }
                // A soft break ("=") must fit too, except after the line's last token.
                if current.count + token.count > (isLast ? 76 : 75) {
                    output += current + "=\r\n"
                    current = ""
                }
                if current.isEmpty && token == "." { token = "=2E" }
                current += token
            }
            output += current
        }
        return output + "\r\n"
    }
}
