import Foundation
import IncidentDomain
import Testing

@testable import IncidentAPI

/// The delivery worker's pure parts: contact URLs taken apart, action-link tokens, signature headers.
@Suite("Delivery parts")
struct DeliveryPartsTests {
    @Test func contactURLsAreTakenApart() throws {
        let plain = try DeliveryTarget.parse("http://hooks.example.com/a/b?x=1").get()
        #expect(plain == DeliveryTarget(scheme: "http", host: "hooks.example.com", port: 80, requestTarget: "/a/b?x=1"))
        let secure = try DeliveryTarget.parse("HTTPS://hooks.example.com:8443").get()
        #expect(secure.scheme == "https" && secure.port == 8443 && secure.requestTarget == "/")
        let ipv6 = try DeliveryTarget.parse("http://[2001:db8::1]:9000/h").get()
        #expect(IPAddress(literal: ipv6.host) == IPAddress(literal: "2001:db8::1"))
        #expect(ipv6.port == 9000)
    }

    @Test func onlyHTTPAndHTTPSWithoutCredentialsAreSentTo() {
        for url in [
            "ftp://example.com/x", "file:///etc/passwd", "gopher://example.com", "http:///nohost",
            "http://user:pass@example.com/", "not a url",
        ] {
            guard case .failure = DeliveryTarget.parse(url) else {
                Issue.record("\(url) was accepted")
                continue
            }
        }
    }

    @Test func actionLinkTokensRoundTripAndRefuseForgeryAndExpiry() {
        let signer = ActionLinkSigner(key: Array(repeating: 7, count: 32))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let link = ActionLink(
            incident: IncidentID(42), action: .resolve, user: "alice", expiresAt: now.addingTimeInterval(60))
        let token = signer.token(for: link)
        #expect(token.hasPrefix("42.resolve.alice.1800000060."))
        #expect(signer.verify(token, now: now) == .success(link))
        #expect(signer.verify(token, now: now.addingTimeInterval(61)) == .failure(.expired(at: link.expiresAt)))
        let otherUser = token.replacingOccurrences(of: ".alice.", with: ".mallory.")
        #expect(signer.verify(otherUser, now: now) == .failure(.forged))
        let otherKey = ActionLinkSigner(key: Array(repeating: 8, count: 32))
        #expect(otherKey.verify(token, now: now) == .failure(.forged))
        #expect(signer.verify("42.delete.alice.1800000060.abc", now: now) == .failure(.malformed))
        #expect(signer.verify("", now: now) == .failure(.malformed))
        let raw = ActionLink(
            incident: IncidentID(1), action: .acknowledge, user: nil, expiresAt: now.addingTimeInterval(60))
        #expect(signer.verify(signer.token(for: raw), now: now) == .success(raw))
        #expect(raw.actor == Principal(kind: .integration, name: "page-link"))
    }

    @Test func signatureHeaderOnlyWithASecret() {
        let body = Array(#"{"a":1}"#.utf8)
        let unsigned = PageComposer.headers(webhookID: "msg_1", timestamp: 1_800_000_000, body: body, secret: nil)
        #expect(!unsigned.contains { $0.name == "webhook-signature" })
        #expect(unsigned.contains { $0 == ("webhook-id", "msg_1") })
        #expect(unsigned.contains { $0 == ("webhook-timestamp", "1800000000") })
        let signed = PageComposer.headers(
            webhookID: "msg_1", timestamp: 1_800_000_000, body: body, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let signature = signed.first { $0.name == "webhook-signature" }?.value
        #expect(signature?.hasPrefix("v1,") == true && signature?.count == 47)
    }
}
