import Foundation
import Testing

@testable import IncidentDomain

/// Every status x every action, against a table written out by hand from ARCHITECTURE.md (plus the
/// documented decision that mitigate is also allowed from triggered).
@Suite struct LifecycleTableTests {
    /// The expected status after each action, or nil where the action must be refused.
    static let expected: [IncidentStatus: [IncidentAction: IncidentStatus]] = [
        .triggered: [.acknowledge: .acknowledged, .escalate: .triggered, .mitigate: .mitigated, .resolve: .resolved],
        .acknowledged: [.escalate: .acknowledged, .mitigate: .mitigated, .resolve: .resolved],
        .mitigated: [.escalate: .mitigated, .resolve: .resolved],
        .resolved: [.close: .closed, .reopen: .triggered],
        .closed: [:],
    ]

    /// The allowed lists as the 409 problem names them, in lifecycle order.
    static let allowed: [IncidentStatus: [IncidentAction]] = [
        .triggered: [.acknowledge, .escalate, .mitigate, .resolve],
        .acknowledged: [.escalate, .mitigate, .resolve],
        .mitigated: [.escalate, .resolve],
        .resolved: [.close, .reopen],
        .closed: [],
    ]

    @Test(arguments: IncidentStatus.allCases, IncidentAction.allCases)
    func actionInStatusLeadsToExpectedStatusOrConflict(status: IncidentStatus, action: IncidentAction) throws {
        let incident = Incident.make(status: status, version: 4)
        let expectedStatus = Self.expected[status]?[action]
        do {
            let change = try incident.applying(action, at: at(minutes: 10), by: alice)
            #expect(change.incident.status == expectedStatus)
            #expect(change.incident.version == 5)
            #expect(change.events.last?.kind == TimelineEventKind(action))
            #expect(change.events.allSatisfy { $0.actor == alice && $0.at == at(minutes: 10) })
        } catch {
            #expect(expectedStatus == nil, "\(action) from \(status) was refused: \(error)")
            #expect(error == .invalidTransition(from: status, action: action, allowed: Self.allowed[status] ?? []))
        }
    }

    @Test(arguments: IncidentStatus.allCases)
    func allowedActionsMatchTheTable(status: IncidentStatus) {
        #expect(Incident.allowedActions(from: status) == Self.allowed[status])
        #expect(Incident.make(status: status).allowedActions == Self.allowed[status])
    }

    @Test func closedIsFinal() {
        let closed = Incident.make(status: .closed)
        for action in IncidentAction.allCases {
            #expect(throws: IncidentError.invalidTransition(from: .closed, action: action, allowed: [])) {
                try closed.applying(action, at: at(minutes: 9), by: alice)
            }
        }
    }

    @Test func openStatusesAreExactlyTheFirstThree() {
        #expect(IncidentStatus.allCases.filter(\.isOpen) == [.triggered, .acknowledged, .mitigated])
        #expect(IncidentStatus.openStatuses == [.triggered, .acknowledged, .mitigated])
    }
}
