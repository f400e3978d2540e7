import Foundation
import IncidentDomain
import Testing

@testable import IncidentAPI

/// The email page as it leaves Klaxon (headers, encodings, line rules), the relay settings, and how an SMTP
/// conversation's end maps to sent, retried or dead. Decoding here is written independently of the encoder.
@Suite("Mail pages")
struct MailPageTests {
    static let relay = MailRelay(url: "smtp://mail.example.com:587", from: "klaxon@example.com")
    static let composer = PageComposer(
        base: PublicBaseURL("https://klaxon.example.com"), links: ActionLinkSigner(key: Array(repeating: 7, count: 32)))

    static func job(title: String = "Checkout is down", level: Int = 0, address: String = "bob@example.com")
        -> DeliveryJob
    {
        let payload: [String: JSONValue] = [
            "event": "incident.paged", "text": .string("[sev1] #12 \(title) (triggered; escalation level \(level))"),
            "incident": .object([
                "id": 12, "title": .string(title), "status": "triggered", "severity": "sev1", "service": "payments",
                "url": "/api/v1/incidents/12",
            ]),
            "escalation": .object(["policy": "payments", "level": .int(Int64(level)), "cycle": 0]),
        ]
        let message = OutboxMessage(
            id: OutboxMessageID(5), incidentID: IncidentID(12), eventID: TimelineEventID(40), level: level, cycle: 0,
            recipient: PageRecipient(channel: .email, address: address, user: "bob", schedule: "payments-primary"),
            payload: payload, createdAt: Date(timeIntervalSince1970: 1_795_768_200))
        return DeliveryJob(message: message, webhookID: "msg_0123456789abcdef", signingSecret: nil)
    }

    /// Splits a message into unfolded headers and the raw body.
    static func parse(_ bytes: [UInt8]) -> (headers: [String: String], body: String) {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        var headers: [String: String] = [:]
        var last: String?
        for line in parts[0].components(separatedBy: "\r\n") {
            if line.hasPrefix(" "), let last {
                headers[last, default: ""] += line
            } else if let colon = line.firstIndex(of: ":") {
                let name = String(line[..<colon])
                headers[name] = String(line[line.index(after: colon)...].dropFirst())
                last = name
            }
        }
        return (headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// RFC 2045 quoted-printable decoding.
    static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count,
                let value = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// RFC 2047 `=?utf-8?B?...?=` words (separated by folding white space) back to text.
    static func decodeEncodedWords(_ text: String) -> String {
        guard text.hasPrefix("=?") else { return text }
        var bytes: [UInt8] = []
        for word in text.split(separator: " ") {
            let inner = word.dropFirst("=?utf-8?B?".count).dropLast(2)
            bytes += [UInt8](Data(base64Encoded: String(inner)) ?? Data())
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func headersNameTheIncidentAndStayTheSameOnEveryRetry() {
        let bytes = Self.composer.mail(of: Self.job(), relay: Self.relay, linksReachable: true)
        let (headers, _) = Self.parse(bytes)
        #expect(headers["From"] == "Klaxon <klaxon@example.com>")
        #expect(headers["To"] == "<bob@example.com>")
        #expect(headers["Subject"] == "[sev1] #12 Checkout is down")
        #expect(headers["Date"] == "Fri, 27 Nov 2026 08:30:00 +0000")
        #expect(headers["Message-ID"] == "<msg_0123456789abcdef@example.com>")
        #expect(headers["MIME-Version"] == "1.0")
        #expect(headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(headers["Content-Transfer-Encoding"] == "quoted-printable")
        #expect(Self.composer.mail(of: Self.job(), relay: Self.relay, linksReachable: true) == bytes)
    }

    @Test func everyLineEndsInCRLFAndStaysShort() {
        let title = String(repeating: "checkout-latency-", count: 20)
        let bytes = Self.composer.mail(of: Self.job(title: title), relay: Self.relay, linksReachable: true)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
        }
        #expect(!bytes.enumerated().contains { $0.element == UInt8(ascii: "\r") && $0.offset + 1 < bytes.count && bytes[$0.offset + 1] != UInt8(ascii: "\n") })
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let (headers, _) = Self.parse(bytes)
        #expect(Self.decodeEncodedWords(headers["Subject"] ?? "") == "[sev1] #12 \(title)")
    }

    @Test func bodySaysWhoIsPagedAndCarriesTheLinks() throws {
        let (_, body) = Self.parse(Self.composer.mail(of: Self.job(), relay: Self.relay, linksReachable: true))
        let text = Self.decodeQuotedPrintable(body)
        #expect(text.hasPrefix("[sev1] #12 Checkout is down\n"))
        #expect(text.contains("Status: triggered · Severity: sev1 · Service: payments"))
        #expect(text.contains("Paged @bob (on call in payments-primary) at escalation level 0 of policy payments."))
        let links = Self.composer.linkURLs(of: Self.job().message)
        #expect(links.acknowledge.hasPrefix("https://klaxon.example.com/api/v1/actions/12.acknowledge.bob."))
        #expect(text.contains("Acknowledge: \(links.acknowledge)\n"))
        #expect(text.contains("Resolve:     \(links.resolve)\n"))
        #expect(text.contains("Incident:    https://klaxon.example.com/#/incidents/12\n"))
        #expect(links.api == "https://klaxon.example.com/api/v1/incidents/12")
        #expect(text.contains("until Sat, 28 Nov 2026 08:30:00 +0000"))
        let unreachable = Self.decodeQuotedPrintable(
            Self.parse(Self.composer.mail(of: Self.job(), relay: Self.relay, linksReachable: false)).body)
        #expect(!unreachable.contains("/api/v1/actions/"))
        #expect(unreachable.contains("Incident: /api/v1/incidents/12 on your Klaxon server."))
    }

    @Test func utf8SubjectIsEncodedInWholeCharacters() {
        let title = "Zahlungsdienst gestört — Käse 🧀 überall, ﬁnal 取引が失敗しています"
        let bytes = Self.composer.mail(of: Self.job(title: title), relay: Self.relay, linksReachable: true)
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let raw = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        let subjectLines = raw.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }.prefix {
            $0.hasPrefix("Subject:") || $0.hasPrefix(" ")
        }
        #expect(subjectLines.count > 1)
        for line in subjectLines {
            let word = line.hasPrefix("Subject: ") ? String(line.dropFirst(9)) : String(line.dropFirst())
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?=") && word.count <= 75)
            // Each word alone is valid UTF-8: no character is cut between two words.
            let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))
            #expect(data.flatMap { String(data: $0, encoding: .utf8) } != nil)
        }
        #expect(Self.decodeEncodedWords(Self.parse(bytes).headers["Subject"] ?? "") == "[sev1] #12 \(title)")
        let body = Self.decodeQuotedPrintable(Self.parse(bytes).body)
        #expect(body.hasPrefix("[sev1] #12 \(title)\n"))
    }

    @Test func encodedWordLookalikesInASCIISubjectsAreEncoded() {
        let header = PageComposer.encodedHeaderText("[sev2] #3 =?utf-8?B?aGk=?= spoof", name: "Subject")
        #expect(header.hasPrefix("=?utf-8?B?"))
        #expect(Self.decodeEncodedWords(header) == "[sev2] #3 =?utf-8?B?aGk=?= spoof")
    }

    @Test func quotedPrintableKeepsLongLinesDotsSpacesAndUTF8() {
        let long = String(repeating: "0123456789", count: 23)
        let text = ".\nplain\n. starts with a dot\nends in a space \ntab\tinside\nequals = sign\n\(long)\nÜmlaut ✓\n"
        let encoded = PageComposer.quotedPrintable(text)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(!lines.contains { $0.hasPrefix(".") })
        #expect(lines.contains("=2E"))
        #expect(lines.contains("ends in a space=20"))
        #expect(lines.contains("equals =3D sign"))
        #expect(encoded.utf8.allSatisfy { $0 < 0x80 })
        #expect(encoded.hasSuffix("\r\n"))
        #expect(Self.decodeQuotedPrintable(encoded) == text + "\n")
        // A break right before a dot does not start the next line with it.
        let dotted = String(repeating: "a", count: 75) + ".example.com"
        let wrapped = PageComposer.quotedPrintable(dotted).components(separatedBy: "\r\n")
        #expect(wrapped[1].hasPrefix("=2E"))
        #expect(Self.decodeQuotedPrintable(wrapped.joined(separator: "\r\n")) == dotted + "\n")
    }

    @Test func smtpRepliesMapToSentRetryOrDead() {
        func classify(_ ok: Bool, _ status: Int, _ command: String, timedOut: Bool = false) -> CurlSMTPClient.Outcome {
            CurlSMTPClient.classify(
                succeeded: ok, timedOut: timedOut, status: status, replyLine: "\(status) text", lastCommand: command,
                curlReason: "curl said so", relay: Self.relay)
        }
        #expect(classify(true, 250, "DATA") == .accepted(.init(code: 250, text: "250 text")))
        #expect(classify(false, 451, "RCPT") == .temporary(code: 451, reason: "SMTP relay mail.example.com:587 answered 451 text (curl said so)"))
        #expect(classify(false, 550, "RCPT") == .permanent(code: 550, reason: "SMTP relay mail.example.com:587 refused RCPT: 550 text"))
        #expect(classify(false, 552, "DATA") == .permanent(code: 552, reason: "SMTP relay mail.example.com:587 refused DATA: 552 text"))
        #expect(classify(false, 553, "MAIL") == .permanent(code: 553, reason: "SMTP relay mail.example.com:587 refused MAIL: 553 text"))
        // The relay's own set-up (greeting, TLS, authentication) is retried: the operator can fix it.
        for (status, command) in [(554, ""), (535, "AUTH"), (530, "MAIL"), (502, "STARTTLS"), (421, "MAIL")] {
            guard case .temporary(let code, _) = classify(false, status, command) else {
                Issue.record("\(status) to \(command) is not retried")
                continue
            }
            #expect(code == status)
        }
        #expect(classify(false, 0, "") == .temporary(code: nil, reason: "SMTP relay mail.example.com:587: curl said so"))
        #expect(classify(false, 250, "DATA", timedOut: true) == .temporary(code: nil, reason: "SMTP relay mail.example.com:587: timed out (curl said so)"))
    }

    @Test func relaySettingsAreCheckedAndTLSIsRequiredOffLoopback() {
        #expect(Self.relay.problem() == nil)
        #expect(Self.relay.requiresTLS)
        var plaintext = Self.relay
        plaintext.allowPlaintext = true
        #expect(!plaintext.requiresTLS)
        for url in ["smtp://127.0.0.1:2525", "smtp://localhost", "smtp://[::1]:25", "smtp://127.8.9.10"] {
            #expect(!MailRelay(url: url, from: "k@example.com").requiresTLS, "\(url)")
        }
        #expect(MailRelay(url: "smtp://10.0.0.5:25", from: "k@example.com").requiresTLS)
        #expect(MailRelay(url: "smtps://mail.example.com", from: "k@example.com").problem() == nil)
        #expect(MailRelay(url: "https://mail.example.com", from: "k@example.com").problem() != nil)
        #expect(MailRelay(url: "smtp://user:pw@mail.example.com", from: "k@example.com").problem() != nil)
        #expect(MailRelay(url: "smtp://mail.example.com", from: "Klaxon <k@example.com>").problem() != nil)
        #expect(MailRelay(url: "smtp://mail.example.com", from: "k@example.com", username: "k").problem() != nil)
        #expect(
            MailRelay(url: "smtp://mail.example.com", from: "k@example.com", username: "k", password: "p").problem()
                == nil)
    }

    @Test func onlyPlainASCIIAddressesAreMailed() {
        #expect(MailRelay.isSendableAddress("bob@example.com"))
        #expect(MailRelay.isSendableAddress("bob+oncall@mail.example.co.uk"))
        for address in ["bob>@x.y", "<bob@x.y>", "bob@x.y,eve@x.y", "bøb@example.com", "bob@", "@x.y", "a@b@c.d"] {
            #expect(!MailRelay.isSendableAddress(address), "\(address)")
        }
    }
}
