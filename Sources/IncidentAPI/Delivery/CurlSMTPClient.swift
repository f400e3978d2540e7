import CCurl
import Foundation
import HTTPCore

/// Sends one message through the operator's SMTP relay with libcurl: EHLO, STARTTLS (required unless the relay
/// is on loopback or plaintext is allowed), AUTH when credentials are set, MAIL FROM, RCPT TO, DATA. libcurl
/// dot-stuffs the data; the message has CRLF line ends already (libcurl does not convert bare LF).
struct CurlSMTPClient: Sendable {
    let relay: MailRelay

    /// One SMTP reply: its code and its last line's text.
    struct Reply: Equatable {
        var code: Int
        var text: String
    }

    /// What became of one attempt.
    enum Outcome: Equatable {
        /// The relay answered 2xx to the end of the data.
        case accepted(Reply)
        /// Worth retrying: a 4xx reply, no connection, a timeout, a TLS or authentication failure.
        case temporary(code: Int?, reason: String)
        /// The relay refused this message or recipient for good (a 5xx to MAIL, RCPT or DATA).
        case permanent(code: Int, reason: String)
    }

    func send(_ message: [UInt8], to recipient: String) async -> Outcome {
        let relay = relay
        return await OutboundHTTPClient.runBlocking { Self.perform(message, to: recipient, relay: relay) }
    }

    /// Feeds the message to curl and keeps what the conversation said.
    final class Conversation {
        let message: [UInt8]
        var offset = 0
        /// The verb of the last command sent (`MAIL`, `RCPT`, `DATA`, ...) and the last reply line received.
        var lastCommand = ""
        var lastReplyLine = ""
        var quitting = false

        init(message: [UInt8]) {
            self.message = message
        }
    }

    static func perform(_ message: [UInt8], to recipient: String, relay: MailRelay) -> Outcome {
        guard CurlHTTPSClient.initialized, let handle = curl_easy_init() else {
            return .temporary(code: nil, reason: "libcurl could not start")
        }
        defer { curl_easy_cleanup(handle) }
        let recipients: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "<\(recipient)>")
        defer { curl_slist_free_all(recipients) }
        let conversation = Conversation(message: message)
        let context = Unmanaged.passUnretained(conversation).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errors in
            klaxon_curl_setopt_string(handle, CURLOPT_URL, relay.url)
            klaxon_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
            klaxon_curl_setopt_string(handle, CURLOPT_PROXY, "")
            klaxon_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            klaxon_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(relay.connectTimeout * 1000))
            klaxon_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(relay.totalTimeout * 1000))
            klaxon_curl_setopt_long(
                handle, CURLOPT_USE_SSL, Int(relay.requiresTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue))
            if let username = relay.username, let password = relay.password {
                klaxon_curl_setopt_string(handle, CURLOPT_USERNAME, username)
                klaxon_curl_setopt_string(handle, CURLOPT_PASSWORD, password)
            }
            klaxon_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(relay.from)>")
            klaxon_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients)
            klaxon_curl_setopt_long(handle, CURLOPT_UPLOAD, 1)
            klaxon_curl_setopt_long(handle, CURLOPT_INFILESIZE, message.count)
            klaxon_curl_setopt_pointer(handle, CURLOPT_READDATA, context)
            klaxon_curl_setopt_read_function(handle) { buffer, size, count, context in
                let conversation = Unmanaged<Conversation>.fromOpaque(context!).takeUnretainedValue()
                let length = min(size * count, conversation.message.count - conversation.offset)
                guard let buffer, length > 0 else { return 0 }
                conversation.message.withUnsafeBytes { bytes in
                    UnsafeMutableRawPointer(buffer).copyMemory(
                        from: bytes.baseAddress! + conversation.offset, byteCount: length)
                }
                conversation.offset += length
                return length
            }
            // The debug stream is the only place libcurl shows the relay's reply text (and which command it
            // answered). Outgoing data and headers are not kept: AUTH carries the password.
            klaxon_curl_setopt_long(handle, CURLOPT_VERBOSE, 1)
            klaxon_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, context)
            klaxon_curl_setopt_debug_function(handle) { _, type, data, size, context in
                guard let data, let context else { return 0 }
                let conversation = Unmanaged<Conversation>.fromOpaque(context).takeUnretainedValue()
                let text = data.withMemoryRebound(to: UInt8.self, capacity: size) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self)
                }
                // The QUIT after a refusal and its 221 would hide the refusal: the conversation ends before them.
                if type == CURLINFO_HEADER_IN, !conversation.quitting {
                    let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !line.isEmpty { conversation.lastReplyLine = String(line.prefix(300)) }
                } else if type == CURLINFO_HEADER_OUT, !conversation.quitting {
                    let verb = String(text.prefix { $0.isLetter }).uppercased()
                    if verb == "QUIT" { conversation.quitting = true } else { conversation.lastCommand = verb }
                }
                return 0
            }
            klaxon_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errors.baseAddress))
            return curl_easy_perform(handle)
        }
        withExtendedLifetime(conversation) {}
        var status = 0
        klaxon_curl_response_code(handle, &status)
        let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let curlReason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        return classify(
            succeeded: code == CURLE_OK, timedOut: code == CURLE_OPERATION_TIMEDOUT, status: status,
            replyLine: conversation.lastReplyLine, lastCommand: conversation.lastCommand,
            curlReason: curlReason, relay: relay)
    }

    /// The outcome of a finished conversation. A 5xx is permanent only as the answer to MAIL, RCPT or DATA
    /// (the message or recipient refused) and not 530 (authentication required): a refused greeting, EHLO,
    /// STARTTLS or AUTH is the relay's set-up, which an operator can fix while the page is retried.
    static func classify(
        succeeded: Bool, timedOut: Bool, status: Int, replyLine: String, lastCommand: String, curlReason: String,
        relay: MailRelay
    ) -> Outcome {
        let reply = Reply(code: status, text: replyLine)
        let relayName = "SMTP relay \(Self.hostAndPort(of: relay.url))"
        if succeeded && (200..<300).contains(status) { return .accepted(reply) }
        if timedOut { return .temporary(code: nil, reason: "\(relayName): timed out (\(curlReason))") }
        let answered = replyLine.isEmpty ? "\(status)" : replyLine
        if (500..<600).contains(status), ["MAIL", "RCPT", "DATA"].contains(lastCommand), status != 530 {
            return .permanent(code: status, reason: "\(relayName) refused \(lastCommand): \(answered)")
        }
        if (400..<600).contains(status) {
            return .temporary(code: status, reason: "\(relayName) answered \(answered) (\(curlReason))")
        }
        return .temporary(code: nil, reason: "\(relayName): \(curlReason)")
    }

    /// `host:port` of the relay URL, for error texts (never its credentials).
    static func hostAndPort(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return "?" }
        let port = components.port ?? (components.scheme?.lowercased() == "smtps" ? 465 : 25)
        return "\(host):\(port)"
    }
}
