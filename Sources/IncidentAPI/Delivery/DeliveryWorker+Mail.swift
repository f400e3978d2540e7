import Foundation
import IncidentDomain

extension DeliveryWorker {
    /// One attempt of an email page through the relay: the SMTP reply code as the attempt's status, the reply
    /// (or the connection's failure) as its error, and whether the refusal is permanent.
    func sendMail(_ job: DeliveryJob) async -> (status: Int?, failure: String?, permanent: Bool) {
        guard let relay = configuration.mail else {
            return (nil, "no SMTP relay is configured (klaxon serve --smtp-url)", false)
        }
        let recipient = job.message.recipient.address
        guard MailRelay.isSendableAddress(recipient) else {
            return (nil, "not a deliverable address: only plain ASCII addresses like alice@example.com are mailed", true)
        }
        let message = composer.mail(of: job, relay: relay, linksReachable: configuration.publicURL != nil)
        switch await CurlSMTPClient(relay: relay).send(message, to: recipient) {
        case .accepted(let reply):
            return (reply.code, nil, false)
        case .temporary(let code, let reason):
            return (code, reason, false)
        case .permanent(let code, let reason):
            return (code, reason, true)
        }
    }
}
