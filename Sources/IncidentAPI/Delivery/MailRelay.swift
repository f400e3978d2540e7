import Foundation
import IncidentDomain

/// The operator's SMTP relay that email pages go through (`klaxon serve --smtp-url`). The relay is configured
/// by the operator, not typed by a user, so the SSRF guard of contact URLs does not apply to it.
public struct MailRelay: Sendable, Equatable {
    /// `smtp://host[:port]` (STARTTLS) or `smtps://host[:port]` (TLS from the first byte).
    public var url: String
    /// The envelope sender and the `From` address.
    public var from: String
    /// Credentials for SMTP AUTH; both or neither.
    public var username: String?
    public var password: String?
    /// Lets an `smtp://` relay that is not on the loopback interface be used without STARTTLS
    /// (`--smtp-allow-plaintext`); by default mail and credentials never cross a network in the clear.
    public var allowPlaintext = false
    /// Seconds to set up the connection (TCP and TLS), and for the whole conversation: a relay that stalls
    /// must not hold a delivery thread for long; the attempt is retried like a webhook's.
    public var connectTimeout: Double = 10
    public var totalTimeout: Double = 30

    public init(url: String, from: String, username: String? = nil, password: String? = nil) {
        self.url = url
        self.from = from
        self.username = username
        self.password = password
    }

    /// Why these settings cannot work, or nil: an `smtp`/`smtps` URL with a host, a plain ASCII From address,
    /// and a username exactly when there is a password.
    public func problem() -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps", let host = components.host, !host.isEmpty
        else { return "the SMTP relay must be an smtp:// or smtps:// URL with a host, e.g. smtp://mail.example.com:587" }
        guard components.user == nil, components.password == nil else {
            return "give the SMTP credentials with --smtp-username and KLAXON_SMTP_PASSWORD, not in the URL"
        }
        guard Self.isSendableAddress(from) else { return "the From address must be a plain address like klaxon@example.com" }
        guard (username == nil) == (password == nil) else {
            return "an SMTP username needs a password (KLAXON_SMTP_PASSWORD or --smtp-password-file) and the reverse"
        }
        return nil
    }

    /// Whether STARTTLS is required: for `smtp://` to anything but the loopback interface, unless opted out.
    var requiresTLS: Bool {
        guard !allowPlaintext, let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        if host == "localhost" { return false }
        switch IPAddress(literal: host) {
        case .v4(let value)?: return value >> 24 != 127
        case .v6(let bytes)?: return bytes != Array(repeating: 0, count: 15) + [1]
        case nil: return true
        }
    }

    /// The domain of the From address, which names the pages' Message-IDs.
    var senderDomain: String { from.split(separator: "@").last.map(String.init) ?? "klaxon.invalid" }

    /// An address that can go into `To`/`From` and the envelope as it is: printable ASCII (no SMTPUTF8), one
    /// `@` with text on both sides, none of the characters that would change a header's or a command's meaning.
    static func isSendableAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return address.utf8.count <= 254 && parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && address.utf8.allSatisfy { (0x21...0x7e).contains($0) && !"<>()[],;:\"\\".utf8.contains($0) }
    }
}
