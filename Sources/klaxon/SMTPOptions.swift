import ArgumentParser
import Foundation
import IncidentAPI

/// The SMTP relay of email pages on `klaxon serve`. The password comes from the environment or a file, never
/// from a flag (a command line is visible to every user of the machine), and is never logged.
struct SMTPOptions: ParsableArguments {
    @Option(
        name: .customLong("smtp-url"),
        help:
            "SMTP relay that email pages go through: smtp://host:587 (STARTTLS, required unless the relay is on loopback) or smtps://host:465 (env KLAXON_SMTP_URL). Without it email pages wait."
    )
    var url: String?

    @Option(
        name: .customLong("smtp-from"),
        help: "From address of email pages, e.g. klaxon@example.com (env KLAXON_SMTP_FROM; required with --smtp-url).")
    var from: String?

    @Option(
        name: .customLong("smtp-username"),
        help:
            "SMTP AUTH user name (env KLAXON_SMTP_USERNAME); the password comes from KLAXON_SMTP_PASSWORD or --smtp-password-file."
    )
    var username: String?

    @Option(
        name: .customLong("smtp-password-file"),
        help:
            "File holding the SMTP password, a trailing newline ignored (env KLAXON_SMTP_PASSWORD_FILE; or the password itself in KLAXON_SMTP_PASSWORD)."
    )
    var passwordFile: String?

    @Flag(
        name: .customLong("smtp-allow-plaintext"),
        help:
            "Use an smtp:// relay that is not on loopback without STARTTLS when it offers none (env KLAXON_SMTP_ALLOW_PLAINTEXT=1). Mail and credentials then cross the network in the clear."
    )
    var allowPlaintext = false

    /// The relay from the flags, else the environment; nil when no URL is given. Incomplete or contradictory
    /// settings are a start-up error.
    func relay(_ environment: Environment) throws -> MailRelay? {
        guard let url = url ?? environment["KLAXON_SMTP_URL"] else {
            if from != nil || username != nil || passwordFile != nil {
                throw ValidationError("--smtp-from, --smtp-username and --smtp-password-file need --smtp-url")
            }
            return nil
        }
        guard let from = from ?? environment["KLAXON_SMTP_FROM"] else {
            throw ValidationError("--smtp-url needs --smtp-from (KLAXON_SMTP_FROM), the From address of email pages")
        }
        var password = environment["KLAXON_SMTP_PASSWORD"]
        if let path = passwordFile ?? environment["KLAXON_SMTP_PASSWORD_FILE"] {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else { throw ValidationError("cannot read the SMTP password file \(path)") }
            password =
                text.hasSuffix("\r\n")
                ? String(text.dropLast(2)) : text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
        var relay = MailRelay(
            url: url, from: from, username: username ?? environment["KLAXON_SMTP_USERNAME"], password: password)
        relay.allowPlaintext = try allowPlaintext || environment.flag("KLAXON_SMTP_ALLOW_PLAINTEXT")
        if let problem = relay.problem() { throw ValidationError(problem) }
        return relay
    }
}
