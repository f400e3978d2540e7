import Foundation
import Testing

@testable import IncidentDomain

@Suite struct IncidentPatchTests {
    let services: [ServiceReference: ServiceRef] = [
        .name("payments"): ServiceRef(id: 2, name: "payments"), .id(2): ServiceRef(id: 2, name: "payments"),
    ]

    func resolve(_ reference: ServiceReference) throws(IncidentError) -> ServiceRef {
        guard let found = services[reference] else { throw IncidentError.unknownService(reference) }
        return found
    }

    func apply(_ patch: IncidentPatch, to incident: Incident = .make()) throws -> IncidentChange {
        let edit = try patch.validate()
        return try incident.applying(edit, by: alice, at: at(minutes: 3), resolveService: resolve)
    }

    @Test func changedFieldsBecomeOneEventEachWithOldAndNewValues() throws {
        let change = try apply(
            IncidentPatch(
                title: .set("Checkout down"), severity: .set("sev1"), service: .set(.name("payments")),
                commander: .set("bob")))
        #expect(change.incident.title == "Checkout down")
        #expect(change.incident.severity == .sev1)
        #expect(change.incident.service == ServiceRef(id: 2, name: "payments"))
        #expect(change.incident.commander == "bob")
        #expect(change.incident.version == 2)
        #expect(change.events.map(\.kind) == Array(repeating: .fieldChanged, count: 4))
        #expect(change.events.map { $0.data["field"] } == ["title", "severity", "service", "commander"])
        #expect(change.events[1].data == ["field": "severity", "old": "sev3", "new": "sev1"])
        #expect(change.events[1].message == "Changed severity from sev3 to sev1")
        #expect(change.events[2].data == ["field": "service", "old": "checkout", "new": "payments"])
        #expect(change.events[3].data == ["field": "commander", "old": nil, "new": "bob"])
        #expect(change.events[3].message == "Set commander to bob")
        #expect(
            change.fieldChanges == [
                FieldChange(field: "title", old: "Checkout latency above SLO", new: "Checkout down"),
                FieldChange(field: "severity", old: "sev3", new: "sev1"),
                FieldChange(field: "service", old: "checkout", new: "payments"),
                FieldChange(field: "commander", old: nil, new: "bob"),
            ])
    }

    @Test func commanderAtLimitIsAcceptedAndOneMoreIsNot() throws {
        let change = try apply(IncidentPatch(commander: .set(String(repeating: "c", count: 200))))
        #expect(change.incident.commander?.count == 200)
        #expect(
            fieldErrors { _ = try IncidentPatch(commander: .set(String(repeating: "c", count: 201))).validate() }
                == [FieldError(field: "commander", message: "must be at most 200 characters (got 201)")])
    }

    @Test func settingFieldsToTheirCurrentValuesIsAnEmptyChangeWithoutVersionBump() throws {
        let incident = Incident.make(version: 5)
        let change = try apply(
            IncidentPatch(title: .set(incident.title), severity: .set("sev3"), labels: .set(["env": "prod"])),
            to: incident)
        #expect(change.isEmpty)
        #expect(change.incident == incident)
        #expect(try apply(IncidentPatch(), to: incident).isEmpty)
    }

    @Test func nullClearsClearableFields() throws {
        var incident = Incident.make()
        incident.commander = "bob"
        let change = try apply(IncidentPatch(summary: .clear, commander: .clear, labels: .clear), to: incident)
        #expect(change.incident.summary == "")
        #expect(change.incident.commander == nil)
        #expect(change.incident.labels == [:])
        #expect(change.events.count == 3)
        #expect(change.events[2].data["old"] == ["env": "prod"])
        #expect(change.events[1].message == "Cleared commander")
        #expect(change.incident.updatedAt == at(minutes: 3))
    }

    @Test func nullTitleOrSeverityAndBadValuesAreFieldErrorsTogether() {
        let errors = fieldErrors {
            _ = try IncidentPatch(
                title: .clear, summary: .set(String(repeating: "s", count: 10_001)), severity: .set("high"),
                service: .set(.name("Nope")), commander: .set(" "), labels: .set(["a:b": "c"])
            ).validate()
        }
        #expect(errors?.map(\.field) == ["title", "summary", "severity", "service", "commander", "labels.a:b"])
        #expect(fieldErrors { _ = try IncidentPatch(service: .clear).validate() }?.map(\.field) == ["service"])
    }

    @Test func unknownServiceIsAFieldErrorFromTheResolver() {
        #expect(
            fieldErrors { _ = try apply(IncidentPatch(service: .set(.name("ghost")))) }
                == [FieldError(field: "service", message: "no service is named ghost")])
    }

    @Test func closedIncidentsCannotBeEdited() {
        #expect(throws: IncidentError.conflict("incident 7 is closed; a closed incident is final")) {
            _ = try apply(IncidentPatch(title: .set("new")), to: .make(status: .closed))
        }
    }

    @Test func decodingTellsAbsentFromNull() throws {
        let json = #"{"title":"New","commander":null,"service":2}"#
        let patch = try JSONDecoder().decode(IncidentPatch.self, from: Data(json.utf8))
        #expect(patch == IncidentPatch(title: .set("New"), service: .set(.id(2)), commander: .clear))
        #expect(try JSONDecoder().decode(IncidentPatch.self, from: Data("{}".utf8)).isEmpty)
    }
}
