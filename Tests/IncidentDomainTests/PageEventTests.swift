import Foundation
import IncidentDomain
import Testing

/// The timeline events of pages: who was paged, and which pages were withdrawn before they went out.
@Suite struct PageEventTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func aWithdrawnPageNamesEachUsersChannelsSoAPartialWithdrawalIsNotReadAsNoPage() {
        let event = EscalationLevel.pageCancelledEvent(
            level: 1, cycle: 0,
            recipients: [
                PageRecipient(channel: .email, address: "bob@example.com", user: "bob"),
                PageRecipient(channel: .slack, address: "https://hooks.slack.com/services/T0/B0/XXXX", user: "bob"),
                PageRecipient(channel: .webhook, address: "https://ops.example.com/hooks/secret-path"),
            ], incidentStatus: .resolved, at: now)
        #expect(event.kind == .pageCancelled)
        #expect(
            event.message
                == "Page of level 1 withdrawn, not delivered to @bob (email, slack), https://ops.example.com: the incident was resolved first"
        )
        #expect(event.data["incident_status"] == .string("resolved"))
        #expect(event.data["level"] == .int(1))
        // Webhook paths work as passwords: the event keeps their origin only, as the `paged` event does.
        #expect(!String(describing: event.data).contains("secret-path"))
    }
}
