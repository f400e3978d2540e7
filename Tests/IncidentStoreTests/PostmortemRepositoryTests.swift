import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

@Suite struct PostmortemRepositoryTests {
    @Test func sectionsAreReplacedInPlaceAndReadInSectionOrder() async throws {
        let test = try await TestStore.make()
        let postmortems = test.store.postmortems
        let id = try await test.incidents.create(try draft("DNS"), by: alice, at: at(0)).incident.id
        _ = try await postmortems.writeSection(.trigger, text: "first", of: id, by: alice, at: at(1))
        _ = try await postmortems.writeSection(.summary, text: "sum", of: id, by: alice, at: at(2))
        let bob = Principal(kind: .user, name: "bob")
        _ = try await postmortems.writeSection(.trigger, text: "second", of: id, by: bob, at: at(3))
        let sections = try await postmortems.sections(of: id)
        #expect(sections.map(\.name) == [.summary, .trigger])
        #expect(sections.last?.text == "second")
        #expect(sections.last?.updatedBy == bob)
        #expect(sections.last?.updatedAt == at(3))
        #expect(try await test.count("SELECT count(*) FROM postmortem_sections") == 2)
        await #expect(throws: IncidentError.notFound(.incident, id: "99")) {
            try await postmortems.writeSection(.summary, text: "x", of: 99, by: alice, at: at(4))
        }
        await test.close()
    }

    @Test func theCloseSeesTheSectionsWrittenAndLeavesTheIncidentAsItWasWhenRefused() async throws {
        let test = try await TestStore.make()
        let postmortems = test.store.postmortems
        let id = try await test.incidents.create(try draft("Payments down", severity: "sev1"), by: alice, at: at(0))
            .incident.id
        _ = try await test.incidents.perform(.resolve, on: id, by: alice, at: at(60))
        await #expect(
            throws: IncidentError.postmortemRequired(
                missing: [.rootCauses, .trigger, .resolution], incident: id, severity: .sev1)
        ) {
            try await postmortems.close(id, expectedVersion: nil, by: alice, at: at(120), force: false, note: nil)
        }
        let refused = try await test.incidents.incident(id)
        #expect(refused.status == .resolved)
        #expect(try await test.incidents.timeline(id).map(\.kind) == [.created, .resolved])
        for name in PostmortemSectionName.requiredForClose {
            _ = try await postmortems.writeSection(name, text: "written", of: id, by: alice, at: at(130))
        }
        let closed = try await postmortems.close(
            id, expectedVersion: 2, by: alice, at: at(140), force: false, note: nil)
        #expect(closed.incident.status == .closed)
        #expect(closed.incident.closedAt == at(140))
        await test.close()
    }

    @Test func actionItemsRoundTripAndListOpenOnesByDueDateWithUndatedLast() async throws {
        let test = try await TestStore.make()
        let postmortems = test.store.postmortems
        let id = try await test.incidents.create(try draft("Cert expired"), by: alice, at: at(0)).incident.id
        let undated = try await postmortems.addActionItem(
            ActionItemDraft(title: "Runbook", kind: .process), to: id, by: alice, at: at(1))
        let later = try await postmortems.addActionItem(
            ActionItemDraft(
                title: "Alert on expiry", kind: .mitigate, owner: "sre",
                dueDate: LocalDate(year: 2027, month: 1, day: 5),
                link: "https://t.example/1"),
            to: id, by: alice, at: at(2))
        let sooner = try await postmortems.addActionItem(
            ActionItemDraft(title: "Automate", kind: .prevent, dueDate: LocalDate(year: 2026, month: 12, day: 1)),
            to: id, by: alice, at: at(3))
        #expect(try await postmortems.actionItems(of: id) == [undated, later, sooner])
        let open = try await postmortems.actionItems(status: .open)
        #expect(open.map(\.id) == [sooner.id, later.id, undated.id])

        let done = try await postmortems.updateActionItem(
            sooner.id, ActionItemEdit(status: .done), by: alice, at: at(4))
        #expect(done.doneAt == at(4))
        #expect(try await postmortems.actionItems(status: .done) == [done])
        try await postmortems.deleteActionItem(undated.id, by: alice, at: at(5))
        await #expect(throws: IncidentError.notFound(.actionItem, id: undated.id.description)) {
            try await postmortems.deleteActionItem(undated.id, by: alice, at: at(6))
        }
        let kinds = try await test.incidents.timeline(id).map(\.kind)
        #expect(
            kinds == [
                .created, .actionItemAdded, .actionItemAdded, .actionItemAdded, .actionItemStatusChanged,
                .actionItemDeleted,
            ])
        await test.close()
    }
}
