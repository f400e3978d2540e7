import Foundation
import Testing

@testable import IncidentDomain

@Suite struct AlertsSignatureTests {
    static let seconds = Int64(t0.timeIntervalSince1970)
    static let signature = "v1," + Data(repeating: 0xAB, count: 32).base64EncodedString()

    @Test func validHeadersAreRead() throws {
        let checked = try StandardWebhookSignature(
            id: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", timestamp: "\(Self.seconds)",
            signature: "v2,abc " + Self.signature + " v1,!!notbase64", now: t0)
        #expect(checked.signatures == [Data(repeating: 0xAB, count: 32)])
        #expect(
            checked.signedContent(body: Array(#"{"summary":"x"}"#.utf8))
                == Array("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W.\(Self.seconds).{\"summary\":\"x\"}".utf8))
    }

    @Test(arguments: [-300.0, 300.0])
    func timestampAtTheToleranceIsAccepted(offset: Double) throws {
        _ = try StandardWebhookSignature(
            id: "m", timestamp: "\(Self.seconds)", signature: Self.signature, now: t0.addingTimeInterval(offset))
    }

    @Test(arguments: [-301.0, 301.0])
    func timestampPastTheToleranceIsRefused(offset: Double) {
        let errors = fieldErrors {
            _ = try StandardWebhookSignature(
                id: "m", timestamp: "\(Self.seconds)", signature: Self.signature, now: t0.addingTimeInterval(offset))
        }
        #expect(errors?.map(\.field) == ["webhook-timestamp"])
    }

    @Test func missingOrMalformedHeadersAreAllReported() {
        let missing = fieldErrors { _ = try StandardWebhookSignature(id: nil, timestamp: nil, signature: nil, now: t0) }
        #expect(missing?.map(\.field) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        let malformed = fieldErrors {
            _ = try StandardWebhookSignature(id: " ", timestamp: "12.5", signature: "v1a,AAAA", now: t0)
        }
        #expect(malformed?.map(\.message) == ["is required", "must be integer Unix seconds", "has no v1 signature"])
    }

    @Test func secretsWithThePrefixAreBase64() {
        #expect(
            StandardWebhookSignature.key(fromSecret: "whsec_" + Data([1, 2, 3]).base64EncodedString())
                == Data([1, 2, 3]))
        #expect(StandardWebhookSignature.key(fromSecret: "plain") == Data("plain".utf8))
        #expect(StandardWebhookSignature.key(fromSecret: "whsec_***") == nil)
    }
}
