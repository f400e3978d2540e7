import Foundation
import Testing

@testable import IncidentDomain

@Suite struct ServiceAndTokenValidationTests {
    @Test func serviceNameAtLimitIsAccepted() throws {
        let draft = try NewService(name: "a" + String(repeating: "0", count: 63)).validate()
        #expect(draft.name.count == 64)
    }

    @Test func serviceNameOverLimitIsAFieldError() {
        #expect(
            fieldErrors { _ = try NewService(name: "a" + String(repeating: "0", count: 64)).validate() }
                == [FieldError(field: "name", message: "must be at most 64 characters (got 65)")])
    }

    @Test(arguments: [
        ("", "must not be empty"),
        ("Payments", "must start with a lowercase letter a-z"),
        ("42", "must start with a lowercase letter a-z"),
        ("pay.ments", "may contain only lowercase letters a-z, digits, '-' and '_'"),
        ("pay ments", "may contain only lowercase letters a-z, digits, '-' and '_'"),
    ])
    func badServiceNamesAreFieldErrors(name: String, message: String) {
        #expect(
            fieldErrors { _ = try NewService(name: name).validate() } == [FieldError(field: "name", message: message)])
    }

    @Test func serviceFieldsAreCheckedTogether() {
        let errors = fieldErrors {
            _ = try NewService(
                name: nil, description: String(repeating: "d", count: 2_001), routingLabels: ["": "x"]
            ).validate()
        }
        #expect(errors?.map(\.field) == ["name", "description", "routing_labels"])
    }

    @Test func renamingOrDeletingTheDefaultServiceIsAConflict() throws {
        let service = Service(id: 1, name: "default", integrationKeyPrefix: "k", createdAt: t0)
        let rename = try ServicePatch(name: "other").validate()
        #expect(throws: IncidentError.conflict("the default service cannot be renamed")) {
            _ = try service.applying(rename, at: t0)
        }
        #expect(throws: IncidentError.conflict("the default service cannot be deleted")) {
            try service.checkDeletable(openIncidentCount: 0)
        }
        let describe = try ServicePatch(description: "catch-all").validate()
        let described = try service.applying(describe, at: at(minutes: 1))
        #expect(described.description == "catch-all")
        #expect(described.updatedAt == at(minutes: 1))
        #expect(try service.applying(try ServicePatch(name: "default").validate(), at: at(minutes: 1)) == service)
    }

    @Test func deletingAServiceWithOpenIncidentsIsAConflict() throws {
        let service = Service(id: 2, name: "payments", integrationKeyPrefix: "k", createdAt: t0)
        try service.checkDeletable(openIncidentCount: 0)
        #expect(throws: IncidentError.conflict("service payments has 2 open incidents")) {
            try service.checkDeletable(openIncidentCount: 2)
        }
    }

    @Test func serviceEditChangesOnlyGivenFields() throws {
        let service = Service(
            id: 2, name: "payments", description: "d", routingLabels: ["team": "pay"], integrationKeyPrefix: "k",
            createdAt: t0)
        let renamed = try service.applying(try ServicePatch(name: "billing").validate(), at: t0)
        #expect(renamed.name == "billing")
        #expect(renamed.description == "d")
        #expect(renamed.routingLabels == ["team": "pay"])
    }

    @Test func rotatingTheKeyReplacesItAndTouchesTheService() {
        let service = Service(id: 2, name: "payments", integrationKeyPrefix: "old-key-", createdAt: t0)
        let rotated = service.rotatingKey(to: "new-key-and-its-secret-rest", at: at(minutes: 2))
        #expect(rotated.integrationKeyPrefix == "new-key-", "only the prefix is kept")
        #expect(rotated.updatedAt == at(minutes: 2))
        #expect(rotated.createdAt == t0)
    }

    @Test func principalRoundTripsThroughItsTextForm() {
        #expect(Principal.token("ci-bot").description == "token:ci-bot")
        #expect(Principal(parsing: "token:ci-bot") == .token("ci-bot"))
        #expect(Principal(parsing: "integration:alertmanager") == Principal(kind: .integration, name: "alertmanager"))
        #expect(Principal(parsing: Principal.system.description) == .system)
        #expect(Principal(parsing: "nocolon") == nil)
        #expect(Principal(parsing: ":x") == nil)
        #expect(Principal(parsing: "token:") == nil)
    }

    @Test func serviceReferenceParsesIdsAndNames() {
        #expect(ServiceReference(parsing: "12") == .id(12))
        #expect(ServiceReference(parsing: "payments") == .name("payments"))
        #expect(ServiceReference(parsing: "012") == nil)
        #expect(ServiceReference(parsing: "Payments") == nil)
        #expect(ServiceReference(parsing: "-1") == nil)
    }

    @Test func tokenNeedsAValidNameAndAKnownScope() throws {
        let draft = try NewToken(name: "ci-bot", scope: "write").validate()
        #expect(draft.scope == .write)
        #expect(draft.makeToken(id: 3, at: t0).isActive)
        #expect(
            fieldErrors { _ = try NewToken(name: "CI", scope: "root").validate() }
                == [
                    FieldError(field: "name", message: "must start with a lowercase letter a-z"),
                    FieldError(field: "scope", message: "must be one of read, write, admin, ingest"),
                ])
        #expect(fieldErrors { _ = try NewToken(name: "ci", scope: nil).validate() }?.map(\.field) == ["scope"])
    }

    @Test func noteIsTrimmedAndMustNotBeBlank() throws {
        let note = try NewTimelineEvent.note("  rolled back v2.3 \n", by: alice, at: t0)
        #expect(note.message == "rolled back v2.3")
        #expect(note.kind == .note)
        #expect(fieldErrors { _ = try NewTimelineEvent.note("   ", by: alice, at: t0) }?.map(\.field) == ["text"])
        #expect(fieldErrors { _ = try NewTimelineEvent.note(nil, by: alice, at: t0) }?.map(\.field) == ["text"])
    }

    @Test func noteAtLimitIsAcceptedAndOneMoreIsNot() throws {
        _ = try NewTimelineEvent.note(String(repeating: "n", count: 10_000), by: alice, at: t0)
        #expect(
            fieldErrors { _ = try NewTimelineEvent.note(String(repeating: "n", count: 10_001), by: alice, at: t0) }?
                .map(\.field) == ["text"])
    }
}
